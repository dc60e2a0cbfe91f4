import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { captureLogs } from "@/tests/log-capture";

const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const SECRETS = {
  password: "correct horse battery staple",
  session: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.session-cookie-value",
  bearer: "ya29.a0AfB_byC-secret-google-access-token",
  apiToken: "reach_3f9a2c_Zx8Qk2mV7pLr4TnW9sYd",
  apiKey: "AIzaSyD-youtube-api-key-000000000",
  keyBody: PRIVATE_KEY.split("\n")[1]!,
};

describe("the logger", () => {
  it("redacts credentials in fields, nested objects, request headers and errors, and keeps the rest", () => {
    const logs = captureLogs();
    logs.logger.info({ email: "ada@example.org", password: SECRETS.password, user: { newPassword: SECRETS.password } }, "sign-in attempt");
    logs.logger.info({ headers: { cookie: `next-auth.session-token=${SECRETS.session}`, authorization: `Bearer ${SECRETS.bearer}`, "x-api-key": SECRETS.apiKey } }, "request");
    logs.logger.warn({ key: { client_email: "svc@p.iam.gserviceaccount.com", private_key: PRIVATE_KEY }, config: { apiKey: SECRETS.apiKey } }, "service account");
    // A gaxios error carries the request it made; only its name, code, status and scrubbed text travel.
    const gaxios = Object.assign(new Error(`Request failed with Authorization: Bearer ${SECRETS.bearer}`), {
      code: "403",
      response: { status: 403 },
      config: { headers: { Authorization: `Bearer ${SECRETS.bearer}` }, data: `assertion=${SECRETS.session}` },
    });
    logs.logger.error({ err: gaxios }, "sheets call failed");
    logs.logger.error(`token ${SECRETS.apiToken} was refused; cookie next-auth.session-token=${SECRETS.session}`);
    logs.logger.error(`key pasted: ${PRIVATE_KEY}`);

    const text = logs.text();
    for (const [name, secret] of Object.entries(SECRETS)) expect(text, name).not.toContain(secret);
    const lines = logs.lines();
    expect(lines[0]).toMatchObject({ email: "ada@example.org", password: "[redacted]", user: { newPassword: "[redacted]" }, msg: "sign-in attempt", service: "reach" });
    expect(lines[2]).toMatchObject({ key: { client_email: "svc@p.iam.gserviceaccount.com", private_key: "[redacted]" } });
    expect(lines[3]!.err).toMatchObject({ type: "Error", code: "403", status: 403, message: "Request failed with Authorization: Bearer [redacted]" });
    expect(lines[3]!.err).not.toHaveProperty("config");
    expect(lines[4]!.msg).toBe("token reach_3f9a2c_[redacted] was refused; cookie next-auth.session-token=[redacted]");
    expect(lines[5]!.msg).toBe("key pasted: [private key redacted]\n");
  });

  it("writes nothing below its level", () => {
    const logs = captureLogs("warn");
    logs.logger.info("routine");
    logs.logger.warn({ runId: "r1" }, "attention");
    expect(logs.lines().map((line) => [line.level, line.msg, line.runId])).toEqual([[40, "attention", "r1"]]);
  });
});
