import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Inngest } from "inngest";
import { INNGEST_SERVE_PATH, inngestRoute, serveInngest } from "@/inngest/serve";
import { inngestServeOriginOf, parseEnv } from "@/lib/env";

/** A stand-in for Inngest's register API: records every sync the SDK sends, answers like Inngest. */
async function startRegisterApi() {
  const registrations: { url: string; authorization: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.startsWith("/fn/register")) {
        registrations.push({ url: (JSON.parse(raw) as { url: string }).url, authorization: req.headers.authorization });
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: 200, modified: true }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { registrations, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(done)) };
}

const SIGNING_KEY = "signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef01234567";
const APP_ORIGIN = "https://reach.example.org";

describe("Inngest sync (PUT /api/inngest) with a forged Host", () => {
  let api: Awaited<ReturnType<typeof startRegisterApi>>;
  beforeAll(async () => {
    api = await startRegisterApi();
  });
  afterAll(() => api.close());

  function handlers(serveOrigin: string | undefined) {
    // Cloud mode (signed), with Inngest's API base pointed at the stand-in.
    const client = new Inngest({ id: "reach", signingKey: SIGNING_KEY, eventKey: "test-event-key", isDev: false, baseUrl: api.origin });
    return serveInngest(client, [], serveOrigin);
  }

  async function forgedPut(put: (req: NextRequest, ctx: unknown) => Promise<Response>) {
    const request = new NextRequest(`https://attacker.example${INNGEST_SERVE_PATH}`, {
      method: "PUT",
      headers: { host: "attacker.example", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https" },
    });
    return put(request, {});
  }

  it("registers the configured origin, whatever Host the request claims", async () => {
    const { PUT } = handlers(APP_ORIGIN);
    const before = api.registrations.length;
    const response = await forgedPut(PUT as never);
    expect(response.status).toBe(200);
    const sent = api.registrations.slice(before);
    expect(sent.map((entry) => entry.url)).toEqual([`${APP_ORIGIN}${INNGEST_SERVE_PATH}`]);
  });

  it("without a signing key (outside dev mode) the route is not served: 404, nothing registered", async () => {
    const client = new Inngest({ id: "reach", isDev: false, baseUrl: api.origin });
    const route = inngestRoute(client, [], { serveOrigin: APP_ORIGIN, signingKey: undefined, dev: false });
    const before = api.registrations.length;
    for (const handler of [route.PUT, route.GET, route.POST]) {
      const response = await forgedPut(handler as never);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe("not_found");
    }
    expect(api.registrations.length).toBe(before);
    const signed = inngestRoute(new Inngest({ id: "reach", signingKey: SIGNING_KEY, isDev: false, baseUrl: api.origin }), [], {
      serveOrigin: APP_ORIGIN,
      signingKey: SIGNING_KEY,
      dev: false,
    });
    expect((await forgedPut(signed.PUT as never)).status).toBe(200);
    expect(api.registrations.slice(before).map((entry) => entry.url)).toEqual([`${APP_ORIGIN}${INNGEST_SERVE_PATH}`]);
  });

  it("without a fixed origin the SDK would register the forged host (the hole this closes)", async () => {
    const { PUT } = handlers(undefined);
    const before = api.registrations.length;
    await forgedPut(PUT as never);
    expect(api.registrations.slice(before).map((entry) => new URL(entry.url).host)).toEqual(["attacker.example"]);
  });
});

describe("the serve origin comes from configuration", () => {
  const production = { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), ALLOW_INSECURE_COOKIES: "1" };

  it("prefers INNGEST_SERVE_ORIGIN, then NEXTAUTH_URL, then VERCEL_URL", () => {
    expect(inngestServeOriginOf({ INNGEST_SERVE_ORIGIN: "https://jobs.example.org/x", NEXTAUTH_URL: "https://a.example", VERCEL_URL: undefined })).toBe("https://jobs.example.org");
    expect(inngestServeOriginOf({ INNGEST_SERVE_ORIGIN: undefined, NEXTAUTH_URL: "https://a.example/", VERCEL_URL: "b.vercel.app" })).toBe("https://a.example");
    expect(inngestServeOriginOf({ INNGEST_SERVE_ORIGIN: undefined, NEXTAUTH_URL: undefined, VERCEL_URL: "b.vercel.app" })).toBe("https://b.vercel.app");
  });

  it("is required in production when Inngest is configured", () => {
    expect(() => parseEnv({ ...production, INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "signkey-prod-00" })).toThrowError(/INNGEST_SERVE_ORIGIN: is required/);
    const env = parseEnv({ ...production, INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "signkey-prod-00", VERCEL_URL: "reach.vercel.app", NEXTAUTH_URL: undefined });
    expect(env.inngestServeOrigin).toBe("https://reach.vercel.app");
  });
});
