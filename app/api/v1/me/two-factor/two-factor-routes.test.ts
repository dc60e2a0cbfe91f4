// First: it installs the AsyncLocalStorage global that Next's modules look for when they load.
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as accountsRoute from "@/app/api/v1/workspaces/[workspace]/accounts/route";
import * as workspaceRoute from "@/app/api/v1/workspaces/[workspace]/route";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { closeRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { createIdentity } from "@/lib/services/auth/create-identity";
import { currentSessionVersion } from "@/lib/services/auth/session-state";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { BASE_EPOCH, codeAt, setClock, wrongCodeAt } from "@/tests/totp-clock";
import * as confirmRoute from "./confirm/route";
import * as twoFactorRoute from "./route";

const PASSWORD = "tidal-copper-orchard-9";
const ME = "/api/v1/me/two-factor";

describe.each(ENGINES)("two-factor routes and the workspace requirement on %s", (engine) => {
  let db: TestDatabase;
  let serial = 0;
  const guarded = randomUUID();
  const open = randomUUID();
  let admin: { id: string; email: string };
  let editor: { id: string; email: string };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    provideConnectionForTests(db.connection);
    await closeRateLimiters();
    await db.connection.runner.query("insert into workspaces (id, slug, name) values ($1, 'guarded', 'Guarded'), ($2, 'open', 'Open')", [guarded, open]);
    admin = await user("admin");
    editor = await user("editor");
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await closeRateLimiters();
    await db?.drop();
  });

  async function user(role: "admin" | "editor" | "viewer") {
    const email = `route${++serial}@example.test`;
    const id = await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true });
    await db.connection.runner.query("insert into workspace_members (workspace_id, user_id, role) values ($1, $3, $4), ($2, $3, 'viewer')", [guarded, open, id, role]);
    return { id, email };
  }
  const cookieOf = async (who: { id: string; email: string }) => sessionCookie(who, await currentSessionVersion(db.connection.db, who.id));

  /** Enrols through the routes at BASE_EPOCH and returns the secret and a cookie valid afterwards. */
  async function enrol(who: { id: string; email: string }) {
    setClock(BASE_EPOCH);
    const started = await callRoute(twoFactorRoute.POST, ME, {}, { method: "POST", cookie: await cookieOf(who) });
    expect(started.status).toBe(200);
    const { data } = (await started.json()) as { data: { secret: string; uri: string } };
    const confirmed = await callRoute(confirmRoute.POST, `${ME}/confirm`, {}, { method: "POST", cookie: await cookieOf(who), json: { code: await codeAt(data.secret, BASE_EPOCH) } });
    expect(confirmed.status).toBe(200);
    const { data: result } = (await confirmed.json()) as { data: { recoveryCodes: string[] } };
    return { secret: data.secret, recoveryCodes: result.recoveryCodes, cookie: await cookieOf(who) };
  }

  const pageContext = (slug: string, cookie: string) =>
    callRoute(
      async () => {
        try {
          const context = await getWorkspaceContext(slug);
          return Response.json({ workspace: context.workspace.slug });
        } catch (error) {
          return Response.json({ redirect: String((error as { digest?: string }).digest ?? error) });
        }
      },
      `/${slug}`,
      {},
      { cookie },
    ).then((response) => response.json() as Promise<{ workspace?: string; redirect?: string }>);

  it("enrols: secret shown once, confirmed by a code, ten recovery codes, sessions end, status without the secret", async () => {
    const who = await user("viewer");
    const before = await cookieOf(who);
    setClock(BASE_EPOCH);
    const started = await callRoute(twoFactorRoute.POST, ME, {}, { method: "POST", cookie: before });
    expect(started.headers.get("cache-control")).toBe("no-store");
    const { data } = (await started.json()) as { data: { secret: string; uri: string; qrCode: string } };
    expect(data.uri).toContain(`secret=${data.secret}`);

    const wrong = await callRoute(confirmRoute.POST, `${ME}/confirm`, {}, { method: "POST", cookie: before, json: { code: await wrongCodeAt(data.secret, BASE_EPOCH) } });
    expect(await problemOf(wrong)).toMatchObject({ status: 400, code: "invalid_input" });
    const confirmed = await callRoute(confirmRoute.POST, `${ME}/confirm`, {}, { method: "POST", cookie: before, json: { code: await codeAt(data.secret, BASE_EPOCH) } });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { data: { recoveryCodes: string[] } }).data.recoveryCodes).toHaveLength(10);

    // The session that enrolled ended with every other one; a new sign-in sees the factor on.
    expect((await callRoute(twoFactorRoute.GET, ME, {}, { cookie: before })).status).toBe(401);
    const status = await callRoute(twoFactorRoute.GET, ME, {}, { cookie: await cookieOf(who) });
    const text = await status.text();
    expect(JSON.parse(text)).toMatchObject({ data: { enabled: true, recoveryCodesLeft: 10 } });
    expect(text).not.toContain(data.secret);
    // A second enrolment is refused while one is on.
    expect(await problemOf(await callRoute(twoFactorRoute.POST, ME, {}, { method: "POST", cookie: await cookieOf(who) }))).toMatchObject({ status: 409 });
  });

  it("11th wrong code on confirmation is refused with 429, even when it is right", async () => {
    const who = await user("viewer");
    setClock(BASE_EPOCH);
    const cookie = await cookieOf(who);
    const started = await callRoute(twoFactorRoute.POST, ME, {}, { method: "POST", cookie });
    const { data } = (await started.json()) as { data: { secret: string } };
    const wrong = await wrongCodeAt(data.secret, BASE_EPOCH);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await callRoute(confirmRoute.POST, `${ME}/confirm`, {}, { method: "POST", cookie, json: { code: wrong } });
      expect(response.status, `attempt ${attempt}`).toBe(400);
    }
    const locked = await callRoute(confirmRoute.POST, `${ME}/confirm`, {}, { method: "POST", cookie, json: { code: await codeAt(data.secret, BASE_EPOCH) } });
    expect(await problemOf(locked)).toMatchObject({ status: 429, code: "rate_limited" });
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("only an admin with their own second factor on may require it; the change is audited", async () => {
    const patch = async (who: { id: string; email: string }, requireTwoFactor: boolean) =>
      callRoute(workspaceRoute.PATCH, "/api/v1/workspaces/guarded", { workspace: "guarded" }, { method: "PATCH", cookie: await cookieOf(who), json: { requireTwoFactor } });
    expect(await problemOf(await patch(editor, true))).toMatchObject({ status: 403, code: "forbidden" });
    expect(await problemOf(await patch(admin, true))).toMatchObject({ status: 409, code: "conflict" });
    await enrol(admin);
    const done = await patch(admin, true);
    expect(done.status).toBe(200);
    expect(((await done.json()) as { data: { requireTwoFactor: boolean } }).data.requireTwoFactor).toBe(true);
    const audit = await db.connection.runner.query<{ details: { required: boolean } }>(
      "select details from audit_log where workspace_id = $1 and action = 'workspace.two_factor_requirement_changed' and actor_id = $2",
      [guarded, admin.id],
    );
    expect(audit.map((row) => row.details.required)).toEqual([true]);
  });

  it("a member without a second factor gets 403 two_factor_required from the workspace's API and is sent to enrol by its pages", async () => {
    const who = await user("viewer");
    const cookie = await cookieOf(who);
    expect(await problemOf(await callRoute(workspaceRoute.GET, "/api/v1/workspaces/guarded", { workspace: "guarded" }, { cookie }))).toMatchObject({
      status: 403,
      code: "two_factor_required",
    });
    expect(await problemOf(await callRoute(accountsRoute.GET, "/api/v1/workspaces/guarded/accounts", { workspace: "guarded" }, { cookie }))).toMatchObject({
      status: 403,
      code: "two_factor_required",
    });
    expect((await pageContext("guarded", cookie)).redirect).toContain("/account?required=guarded");
    // Another workspace that does not require it still works, and so does their own settings API.
    expect((await callRoute(workspaceRoute.GET, "/api/v1/workspaces/open", { workspace: "open" }, { cookie })).status).toBe(200);
    expect((await pageContext("open", cookie)).workspace).toBe("open");
    expect((await callRoute(twoFactorRoute.GET, ME, {}, { cookie })).status).toBe(200);

    const { cookie: after } = await enrol(who);
    expect((await callRoute(workspaceRoute.GET, "/api/v1/workspaces/guarded", { workspace: "guarded" }, { cookie: after })).status).toBe(200);
    expect((await pageContext("guarded", after)).workspace).toBe("guarded");
  });

  it("turns off with the password or a current code, not with a wrong one; every session ends", async () => {
    const who = await user("viewer");
    const { secret, cookie } = await enrol(who);
    const off = (json: unknown, with_ = cookie) => callRoute(twoFactorRoute.DELETE, ME, {}, { method: "DELETE", cookie: with_, json });
    expect(await problemOf(await off({ password: "not-the-password-1" }))).toMatchObject({ status: 400, code: "invalid_input" });
    setClock(BASE_EPOCH + 60);
    expect(await problemOf(await off({ code: await wrongCodeAt(secret, BASE_EPOCH + 60) }))).toMatchObject({ status: 400 });
    // The code enrolment used cannot turn it off either (replay).
    expect(await problemOf(await off({ code: await codeAt(secret, BASE_EPOCH) }))).toMatchObject({ status: 400 });
    expect((await off({ code: await codeAt(secret, BASE_EPOCH + 60) })).status).toBe(204);
    expect((await callRoute(twoFactorRoute.GET, ME, {}, { cookie })).status).toBe(401);
    const status = await callRoute(twoFactorRoute.GET, ME, {}, { cookie: await cookieOf(who) });
    expect(((await status.json()) as { data: { enabled: boolean } }).data.enabled).toBe(false);

    const again = await user("viewer");
    const second = await enrol(again);
    expect((await off({ password: PASSWORD }, second.cookie)).status).toBe(204);
    const audit = await db.connection.runner.query<{ actor: string; proof: string }>(
      "select actor_id::text as actor, details->>'proof' as proof from audit_log where action = 'user.two_factor_disabled' and actor_id = any($1::uuid[])",
      [[who.id, again.id]],
    );
    // One entry per workspace of each user (both are in two).
    expect(audit.map((row) => `${row.actor === who.id ? "first" : "second"}:${row.proof}`).sort()).toEqual(["first:code", "first:code", "second:password", "second:password"]);
  });
});
