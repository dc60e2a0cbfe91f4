import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSupabaseUser, verifyWithSupabase } from "@/lib/services/auth/supabase-auth";

const USER = {
  id: "8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e",
  aud: "authenticated",
  role: "authenticated",
  email: "ana@example.org",
  email_confirmed_at: "2026-11-01T10:00:00Z",
  app_metadata: { provider: "email", providers: ["email"] },
  user_metadata: {},
  identities: [],
  created_at: "2026-11-01T10:00:00Z",
  updated_at: "2026-11-01T10:00:00Z",
};

const body = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
};

// A stand-in for Supabase Auth (GoTrue) answering in its documented JSON shapes.
describe("Supabase Auth through @supabase/auth-js", () => {
  let server: Server;
  let url: string;
  const seen: { path: string; apikey: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      seen.push({ path: request.url ?? "", apikey: request.headers.apikey as string | undefined });
      const payload = await body(request);
      response.setHeader("content-type", "application/json");
      if (request.url === "/auth/v1/token?grant_type=password") {
        if (payload.password === "correct-horse-battery") {
          response.end(JSON.stringify({ access_token: "a", token_type: "bearer", expires_in: 3600, expires_at: 9999999999, refresh_token: "r", user: USER }));
        } else {
          response.statusCode = 400;
          response.end(JSON.stringify({ code: 400, error_code: "invalid_credentials", msg: "Invalid login credentials" }));
        }
        return;
      }
      if (request.url === "/auth/v1/admin/users" && request.method === "POST") {
        if (payload.email === "taken@example.org") {
          response.statusCode = 422;
          response.end(JSON.stringify({ code: 422, error_code: "email_exists", msg: "A user with this email address has already been registered" }));
        } else {
          response.end(JSON.stringify({ ...USER, email: payload.email }));
        }
        return;
      }
      response.statusCode = 404;
      response.end("{}");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const config = () => ({ url, anonKey: "anon-key", serviceRoleKey: "service-key" });

  it("returns the Supabase user id for the right password and null for a wrong one", async () => {
    expect(await verifyWithSupabase("ana@example.org", "correct-horse-battery", config())).toEqual({ id: USER.id, email: USER.email });
    expect(await verifyWithSupabase("ana@example.org", "wrong", config())).toBeNull();
    expect(seen.filter((call) => call.path.startsWith("/auth/v1/token")).every((call) => call.apikey === "anon-key")).toBe(true);
  });

  it("creates users with the service role key and reports a refusal as a conflict", async () => {
    expect(await createSupabaseUser("new@example.org", "a-long-enough-passphrase", { emailVerified: true }, config())).toBe(USER.id);
    expect(seen.at(-1)).toEqual({ path: "/auth/v1/admin/users", apikey: "service-key" });
    await expect(createSupabaseUser("taken@example.org", "a-long-enough-passphrase", { emailVerified: true }, config())).rejects.toMatchObject({ code: "conflict" });
    await expect(createSupabaseUser("x@example.org", "a-long-enough-passphrase", { emailVerified: true }, { url })).rejects.toMatchObject({ code: "unavailable" });
  });
});
