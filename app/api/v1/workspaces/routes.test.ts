import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import * as workspaceRoute from "./[workspace]/route";
import * as accountsRoute from "./[workspace]/accounts/route";
import * as accountRoute from "./[workspace]/accounts/[accountId]/route";
import * as importRoute from "./[workspace]/accounts/import/route";
import * as auditRoute from "./[workspace]/audit-log/route";
import * as invitationsRoute from "./[workspace]/invitations/route";
import * as invitationRoute from "./[workspace]/invitations/[invitationId]/route";
import * as jobsRoute from "./[workspace]/jobs/route";
import * as jobRoute from "./[workspace]/jobs/[runId]/route";
import * as membersRoute from "./[workspace]/members/route";
import * as memberRoute from "./[workspace]/members/[userId]/route";

// The handlers run as in the server: the session from a signed cookie, the process's database
// connection (here the test database), RLS, the rate limiter and problem+json answers.
describe("workspace API route handlers on pglite", () => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { admin: randomUUID(), editor: randomUUID(), viewer: randomUUID(), outsider: randomUUID() };
  const cookies: Record<keyof typeof users, string> = { admin: "", editor: "", viewer: "", outsider: "" };
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const base = "/api/v1/workspaces/team";
  const addAccount = async (handle: string) => {
    const [row] = await run("insert into accounts (workspace_id, platform, handle) values ($1, 'tiktok', $2) returning id::text as id", [ws, handle]);
    return String(row?.id);
  };

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    for (const [role, id] of Object.entries(users)) {
      await run("insert into auth.users (id, email) values ($1, $2)", [id, `${role}@x.test`]);
      cookies[role as keyof typeof users] = await sessionCookie({ id, email: `${role}@x.test` });
    }
    await run("insert into workspaces (id, slug, name) values ($1, 'team', 'Team'), ($2, 'elsewhere', 'Elsewhere')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'editor'), ($1, $4, 'viewer'), ($5, $6, 'admin')", [
      ws,
      users.admin,
      users.editor,
      users.viewer,
      other,
      users.outsider,
    ]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  describe("what workspaceRoute refuses", () => {
    it("401 without a session, and with a cookie signed by another secret", async () => {
      expect(await problemOf(await callRoute(workspaceRoute.GET, base, { workspace: "team" }))).toEqual({
        status: 401,
        code: "unauthenticated",
        type: "application/problem+json",
      });
      const forged = await encode({ token: { sub: users.admin }, secret: "x".repeat(40) });
      const response = await callRoute(workspaceRoute.GET, base, { workspace: "team" }, { cookie: `next-auth.session-token=${forged}` });
      expect(response.status).toBe(401);
    });

    it("skips the work of a client that has gone away (Next aborts request.signal)", async () => {
      const gone = AbortSignal.abort();
      const response = await callRoute(accountsRoute.POST, `${base}/accounts`, { workspace: "team" }, { method: "POST", cookie: cookies.editor, json: { platform: "x", handle: "never-created" }, signal: gone });
      expect(response.status).toBe(499);
      expect(await run("select id from accounts where handle = 'never-created'")).toEqual([]);
    });

    it("404 for a workspace the caller is not in, and for one that does not exist", async () => {
      const notMine = await callRoute(accountsRoute.GET, `${base}/accounts`, { workspace: "team" }, { cookie: cookies.outsider });
      expect(await problemOf(notMine)).toMatchObject({ status: 404, code: "not_found" });
      const missing = await callRoute(workspaceRoute.GET, "/api/v1/workspaces/nope", { workspace: "nope" }, { cookie: cookies.admin });
      expect(await problemOf(missing)).toMatchObject({ status: 404, code: "not_found" });
    });

    it("403 below the route's role, whatever the body, and for a mutation from another origin", async () => {
      const viewer = await callRoute(workspaceRoute.PATCH, base, { workspace: "team" }, { method: "PATCH", cookie: cookies.viewer, body: "not json" });
      expect(await problemOf(viewer)).toMatchObject({ status: 403, code: "forbidden" });
      const crossSite = await callRoute(accountsRoute.POST, `${base}/accounts`, { workspace: "team" }, {
        method: "POST",
        cookie: cookies.editor,
        json: { platform: "tiktok", handle: "cross.site" },
        headers: { origin: "https://evil.test" },
      });
      expect(await problemOf(crossSite)).toMatchObject({ status: 403, code: "forbidden" });
      expect(await run("select 1 from accounts where handle = 'cross.site'")).toEqual([]);
    });

    it("400 for malformed JSON, a body the schema refuses, and a malformed id in the path", async () => {
      const call = (body: string) =>
        callRoute(accountsRoute.POST, `${base}/accounts`, { workspace: "team" }, { method: "POST", cookie: cookies.editor, body, headers: { "content-type": "application/json" } });
      expect(await problemOf(await call("{"))).toMatchObject({ status: 400, code: "invalid_input" });
      expect(await problemOf(await call(JSON.stringify({ platform: "myspace", handle: "x" })))).toMatchObject({ status: 400, code: "invalid_input" });
      const badId = await callRoute(accountRoute.GET, `${base}/accounts/123`, { workspace: "team", accountId: "123" }, { cookie: cookies.viewer });
      expect(await problemOf(badId)).toMatchObject({ status: 400, code: "invalid_input" });
    });

    it("413 for a JSON body over 64 KB and a CSV upload over 5 MB", async () => {
      const big = await callRoute(accountsRoute.POST, `${base}/accounts`, { workspace: "team" }, {
        method: "POST",
        cookie: cookies.editor,
        json: { platform: "tiktok", handle: "big", displayName: "x".repeat(70 * 1024) },
      });
      expect(await problemOf(big)).toMatchObject({ status: 413, code: "payload_too_large" });
      const form = new FormData();
      form.set("file", new Blob([`platform,handle\n${"tiktok,a\n".repeat(700_000)}`], { type: "text/csv" }), "big.csv");
      const upload = await callRoute(importRoute.POST, `${base}/accounts/import`, { workspace: "team" }, { method: "POST", cookie: cookies.editor, body: form });
      expect(await problemOf(upload)).toMatchObject({ status: 413, code: "payload_too_large" });
    });
  });

  describe("one success per route", () => {
    it("GET and PATCH the workspace", async () => {
      const read = await callRoute(workspaceRoute.GET, base, { workspace: "team" }, { cookie: cookies.viewer });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ data: { slug: "team", role: "viewer" } });
      const renamed = await callRoute(workspaceRoute.PATCH, base, { workspace: "team" }, { method: "PATCH", cookie: cookies.admin, json: { timezone: "Europe/Paris" } });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toMatchObject({ data: { slug: "team", timezone: "Europe/Paris" } });
    });

    it("creates, lists, reads, edits and deletes an account", async () => {
      const created = await callRoute(accountsRoute.POST, `${base}/accounts`, { workspace: "team" }, {
        method: "POST",
        cookie: cookies.editor,
        json: { handle: "https://www.tiktok.com/@route.demo", displayName: "Route Demo" },
      });
      expect(created.status).toBe(201);
      const { data } = (await created.json()) as { data: { id: string } };
      const params = { workspace: "team", accountId: data.id };

      const list = await callRoute(accountsRoute.GET, `${base}/accounts?q=route.demo`, { workspace: "team" }, { cookie: cookies.viewer });
      expect(await list.json()).toMatchObject({ total: 1, data: [{ id: data.id, handle: "route.demo" }] });
      const one = await callRoute(accountRoute.GET, `${base}/accounts/${data.id}`, params, { cookie: cookies.viewer });
      expect(await one.json()).toMatchObject({ data: { id: data.id, displayName: "Route Demo", history: { snapshots: [] } } });
      const edited = await callRoute(accountRoute.PATCH, `${base}/accounts/${data.id}`, params, { method: "PATCH", cookie: cookies.editor, json: { organization: "Reach" } });
      expect(edited.status).toBe(200);
      expect(await run("select organization from accounts where id = $1", [data.id])).toEqual([{ organization: "Reach" }]);
      const deleted = await callRoute(accountRoute.DELETE, `${base}/accounts/${data.id}`, params, { method: "DELETE", cookie: cookies.editor });
      expect(deleted.status).toBe(204);
      expect(await run("select 1 from accounts where id = $1", [data.id])).toEqual([]);
    });

    it("imports a CSV upload", async () => {
      const form = new FormData();
      form.set("file", new Blob(["platform,handle\ntiktok,import.one\ninstagram,import.two\n"], { type: "text/csv" }), "accounts.csv");
      form.set("dryRun", "false");
      const response = await callRoute(importRoute.POST, `${base}/accounts/import`, { workspace: "team" }, { method: "POST", cookie: cookies.editor, body: form });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { created: 2, duplicates: 0, invalid: 0 } });
    });

    it("reads the audit log (admins)", async () => {
      const response = await callRoute(auditRoute.GET, `${base}/audit-log`, { workspace: "team" }, { cookie: cookies.admin });
      expect(response.status).toBe(200);
      expect(Array.isArray(((await response.json()) as { data: unknown }).data)).toBe(true);
    });

    it("lists members, changes a role and removes a member", async () => {
      const member = randomUUID();
      await run("insert into auth.users (id, email) values ($1, $2)", [member, `${member}@x.test`]);
      await run("insert into workspace_members values ($1, $2, 'viewer')", [ws, member]);
      const params = { workspace: "team", userId: member };
      const list = await callRoute(membersRoute.GET, `${base}/members`, { workspace: "team" }, { cookie: cookies.viewer });
      expect(((await list.json()) as { data: { userId: string }[] }).data.map((row) => row.userId)).toContain(member);
      const promoted = await callRoute(memberRoute.PATCH, `${base}/members/${member}`, params, { method: "PATCH", cookie: cookies.admin, json: { role: "editor" } });
      expect(await promoted.json()).toEqual({ data: { userId: member, role: "editor" } });
      const removed = await callRoute(memberRoute.DELETE, `${base}/members/${member}`, params, { method: "DELETE", cookie: cookies.admin });
      expect(removed.status).toBe(204);
      expect(await run("select 1 from workspace_members where user_id = $1", [member])).toEqual([]);
    });

    it("invites, lists and revokes an invitation, with the link shown when no mail is configured", async () => {
      const email = `${randomUUID()}@x.test`;
      const created = await callRoute(invitationsRoute.POST, `${base}/invitations`, { workspace: "team" }, { method: "POST", cookie: cookies.admin, json: { email, role: "viewer" } });
      expect(created.status).toBe(201);
      const { data } = (await created.json()) as { data: { id: string; emailed: boolean; link: string } };
      expect(data.emailed).toBe(false);
      expect(data.link).toMatch(/^http:\/\/reach\.test\/invite\/.+/);
      const list = await callRoute(invitationsRoute.GET, `${base}/invitations`, { workspace: "team" }, { cookie: cookies.admin });
      expect(((await list.json()) as { data: { id: string }[] }).data.map((row) => row.id)).toContain(data.id);
      const params = { workspace: "team", invitationId: data.id };
      const revoked = await callRoute(invitationRoute.DELETE, `${base}/invitations/${data.id}`, params, { method: "DELETE", cookie: cookies.admin });
      expect(revoked.status).toBe(204);
    });

    it("starts a snapshot run, lists it, reads it and cancels it", async () => {
      const accountId = await addAccount(`jobs-${randomUUID().slice(0, 8)}`);
      const started = await callRoute(jobsRoute.POST, `${base}/jobs`, { workspace: "team" }, { method: "POST", cookie: cookies.editor, json: { accountId } });
      expect(started.status).toBe(202);
      const { runId } = (await started.json()) as { runId: string };
      const list = await callRoute(jobsRoute.GET, `${base}/jobs`, { workspace: "team" }, { cookie: cookies.viewer });
      expect(((await list.json()) as { data: { id: string }[] }).data.map((row) => row.id)).toContain(runId);
      const params = { workspace: "team", runId };
      const one = await callRoute(jobRoute.GET, `${base}/jobs/${runId}`, params, { cookie: cookies.viewer });
      expect(await one.json()).toMatchObject({ id: runId, status: "queued" });
      const cancelled = await callRoute(jobRoute.POST, `${base}/jobs/${runId}`, params, { method: "POST", cookie: cookies.editor, json: { action: "cancel" } });
      expect(await cancelled.json()).toEqual({ runId, status: "cancelled" });
    });
  });
});
