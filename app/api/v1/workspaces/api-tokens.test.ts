import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { closeRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import * as accountsRoute from "./[workspace]/accounts/route";
import * as auditRoute from "./[workspace]/audit-log/route";
import * as tokensRoute from "./[workspace]/api-tokens/route";
import * as tokenRoute from "./[workspace]/api-tokens/[tokenId]/route";
import * as membersRoute from "./[workspace]/members/route";
import * as workspaceRoute from "./[workspace]/route";

// Bearer tokens through the real handlers: the token's hash on the service path, then the same RLS
// entry point as a member with the token's role.
describe("API tokens on pglite", () => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const admin = randomUUID();
  const outsider = randomUUID();
  let adminCookie = "";
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const team = { workspace: "team" };
  const base = "/api/v1/workspaces/team";
  const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

  async function createToken(body: Record<string, unknown>): Promise<{ id: string; token: string }> {
    const response = await callRoute(tokensRoute.POST, `${base}/api-tokens`, team, { method: "POST", cookie: adminCookie, json: body });
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { id: string; token: string } }).data;
  }

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    // Files share a worker (isolate: false): the limiters must count in this file's database.
    await closeRateLimiters();
    for (const [id, email] of [[admin, "admin@x.test"], [outsider, "outsider@x.test"]] as const) {
      await run("insert into auth.users (id, email) values ($1, $2)", [id, email]);
    }
    adminCookie = await sessionCookie({ id: admin, email: "admin@x.test" });
    await run("insert into workspaces (id, slug, name) values ($1, 'team', 'Team'), ($2, 'elsewhere', 'Elsewhere')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($3, $4, 'admin')", [ws, admin, other, outsider]);
    await run("insert into accounts (workspace_id, platform, handle) values ($1, 'tiktok', 'team.one'), ($2, 'tiktok', 'elsewhere.one')", [ws, other]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("an admin creates a token that is shown once and stored as a SHA-256 hash", async () => {
    const { id, token } = await createToken({ name: "BI", role: "viewer" });
    expect(token).toMatch(new RegExp(`^reach_${id}_[A-Za-z0-9_-]{43}$`));
    const [row] = await run("select token_hash, created_by::text as created_by from api_tokens where id = $1", [id]);
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(token.slice(-43));
    expect(row?.created_by).toBe(admin);
    const listed = await callRoute(tokensRoute.GET, `${base}/api-tokens`, team, { cookie: adminCookie });
    const body = JSON.stringify(await listed.json());
    expect(body).toContain(id);
    expect(body).not.toContain(token);
  });

  it("a viewer token reads its workspace as a viewer, through RLS, and its first use is audited once", async () => {
    const { id, token } = await createToken({ name: "Reader", role: "viewer" });
    const read = await callRoute(accountsRoute.GET, `${base}/accounts`, team, { headers: bearer(token, { "x-forwarded-for": "203.0.113.9" }) });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: { handle: string }[] }).data.map((row) => row.handle)).toEqual(["team.one"]);
    expect(read.headers.get("RateLimit-Limit")).toBe("300");
    expect(Number(read.headers.get("RateLimit-Remaining"))).toBeLessThan(300);
    const me = await callRoute(workspaceRoute.GET, base, team, { headers: bearer(token) });
    expect(await me.json()).toMatchObject({ data: { slug: "team", role: "viewer" } });
    const members = await callRoute(membersRoute.GET, `${base}/members`, team, { headers: bearer(token) });
    expect(members.status).toBe(200);
    const audited = await run("select action, actor_id, actor_token_id::text as token from audit_log where entity_id = $1 order by id", [id]);
    expect(audited).toEqual([
      { action: "api_token.created", actor_id: admin, token: null },
      { action: "api_token.first_used", actor_id: null, token: id },
    ]);
    const [used] = await run("select last_used_at is not null as used from api_tokens where id = $1", [id]);
    expect(used?.used).toBe(true);
  });

  it("a viewer token's write is 403, an editor token's write is 201 from any origin, audited with the token", async () => {
    const viewer = await createToken({ name: "Viewer", role: "viewer" });
    const refused = await callRoute(accountsRoute.POST, `${base}/accounts`, team, { method: "POST", headers: bearer(viewer.token), json: { platform: "tiktok", handle: "viewer.write" } });
    expect(await problemOf(refused)).toMatchObject({ status: 403, code: "forbidden" });
    const editor = await createToken({ name: "Editor", role: "editor" });
    const created = await callRoute(accountsRoute.POST, `${base}/accounts`, team, {
      method: "POST",
      headers: bearer(editor.token, { origin: "https://elsewhere.example" }),
      json: { platform: "tiktok", handle: "editor.write" },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBeNull();
    const [entry] = await run("select actor_id, actor_token_id::text as token from audit_log where action = 'account.created' and details->>'handle' = 'editor.write'");
    expect(entry).toEqual({ actor_id: null, token: editor.id });
  });

  it("a token never reaches admin routes or another workspace", async () => {
    const { token } = await createToken({ name: "Editor", role: "editor" });
    expect(await problemOf(await callRoute(auditRoute.GET, `${base}/audit-log`, team, { headers: bearer(token) }))).toMatchObject({ status: 403, code: "forbidden" });
    expect(await problemOf(await callRoute(tokensRoute.POST, `${base}/api-tokens`, team, { method: "POST", headers: bearer(token), json: { name: "x", role: "editor" } }))).toMatchObject({ status: 403 });
    const elsewhere = await callRoute(accountsRoute.GET, "/api/v1/workspaces/elsewhere/accounts", { workspace: "elsewhere" }, { headers: bearer(token) });
    expect(await problemOf(elsewhere)).toMatchObject({ status: 404, code: "not_found" });
  });

  it("revoked, expired, malformed and unknown tokens are 401, even beside a valid session cookie", async () => {
    const revoked = await createToken({ name: "Gone", role: "viewer" });
    const revoke = await callRoute(tokenRoute.DELETE, `${base}/api-tokens/${revoked.id}`, { ...team, tokenId: revoked.id }, { method: "DELETE", cookie: adminCookie });
    expect(revoke.status).toBe(204);
    const expired = await createToken({ name: "Old", role: "viewer", expiresInDays: 1 });
    await run("update api_tokens set expires_at = now() - interval '1 second' where id = $1", [expired.id]);
    const forged = `reach_${revoked.id}_${"A".repeat(43)}`;
    for (const token of [revoked.token, expired.token, forged, "reach_nope", `reach_${randomUUID()}_${"B".repeat(43)}`]) {
      const answer = await callRoute(accountsRoute.GET, `${base}/accounts`, team, { headers: bearer(token), cookie: adminCookie });
      expect(await problemOf(answer), token).toMatchObject({ status: 401, code: "unauthenticated" });
    }
    const [audit] = await run("select count(*)::int as n from audit_log where action = 'api_token.revoked' and entity_id = $1", [revoked.id]);
    expect(audit?.n).toBe(1);
  });

  it("a GET answers an ETag, private caching and 304 for If-None-Match; the request id is echoed", async () => {
    const { token } = await createToken({ name: "Cache", role: "viewer" });
    const first = await callRoute(accountsRoute.GET, `${base}/accounts`, team, { headers: bearer(token, { "x-request-id": "integration-0001" }) });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("x-request-id")).toBe("integration-0001");
    const again = await callRoute(accountsRoute.GET, `${base}/accounts`, team, { headers: bearer(token, { "if-none-match": etag ?? "" }) });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await run("insert into accounts (workspace_id, platform, handle) values ($1, 'tiktok', 'team.two')", [ws]);
    const changed = await callRoute(accountsRoute.GET, `${base}/accounts`, team, { headers: bearer(token, { "if-none-match": etag ?? "" }) });
    expect(changed.status).toBe(200);
  });
});
