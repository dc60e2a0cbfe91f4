import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { generateServiceAccount } from "@/tests/fakes/google-sheets/service-account-key";
import { serviceAccountFromEnv } from "./sheets-config-from-env";

const authorizedUser = JSON.stringify({ type: "authorized_user", client_id: "x.apps.googleusercontent.com", client_secret: "very-secret-value", refresh_token: "1//refresh-secret" });

describe("service-account credentials", () => {
  it("accepts a service-account key as JSON in GOOGLE_SERVICE_ACCOUNT_JSON", () => {
    const account = generateServiceAccount("reader@project.iam.gserviceaccount.com");
    expect(serviceAccountFromEnv(parseEnv({ GOOGLE_SERVICE_ACCOUNT_JSON: account.json }))?.key.client_email).toBe(account.email);
  });

  it("refuses JSON that is not a service account, naming the variable and never quoting the value", () => {
    const error = (() => {
      try {
        parseEnv({ GOOGLE_SERVICE_ACCOUNT_JSON: authorizedUser });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/GOOGLE_SERVICE_ACCOUNT_JSON: is a "authorized_user" credential, not a service-account key/);
    expect(error?.message).not.toContain("very-secret-value");
    expect(() => parseEnv({ GOOGLE_SERVICE_ACCOUNT_JSON: "{not json -----BEGIN PRIVATE KEY-----" })).toThrowError(/GOOGLE_SERVICE_ACCOUNT_JSON: is not JSON/);
    expect(() => parseEnv({ GOOGLE_SERVICE_ACCOUNT_JSON: '{"type":"service_account","client_email":"a@b.iam.gserviceaccount.com"}' })).toThrowError(/missing or malformed fields: private_key/);
  });

  it("reads GOOGLE_APPLICATION_CREDENTIALS on use; a file that is not a service account names the variable", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "reach-key-"));
    const good = path.join(dir, "key.json");
    const bad = path.join(dir, "adc.json");
    const account = generateServiceAccount();
    await writeFile(good, account.json);
    await writeFile(bad, authorizedUser);
    expect(serviceAccountFromEnv(parseEnv({ GOOGLE_APPLICATION_CREDENTIALS: good }))?.source).toBe("GOOGLE_APPLICATION_CREDENTIALS");
    const error = (() => {
      try {
        serviceAccountFromEnv(parseEnv({ GOOGLE_APPLICATION_CREDENTIALS: bad }));
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toContain(`GOOGLE_APPLICATION_CREDENTIALS: ${bad} is a "authorized_user" credential, not a service-account key`);
    expect(error?.message).not.toContain("refresh-secret");
    expect(() => serviceAccountFromEnv(parseEnv({ GOOGLE_APPLICATION_CREDENTIALS: path.join(dir, "missing.json") }))).toThrowError(/GOOGLE_APPLICATION_CREDENTIALS: cannot read .*ENOENT/);
    expect(serviceAccountFromEnv(parseEnv({}))).toBeNull();
  });
});
