// First: it installs the AsyncLocalStorage global that Next's modules look for when they load.
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { createEndpoint } from "@/lib/services/deliveries/create-endpoint";
import { createEndpointSchema } from "@/lib/services/deliveries/endpoint-input";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import * as alertsRoute from "./[workspace]/alerts/route";
import * as channelsRoute from "./[workspace]/alerts/channels/route";
import * as mutesRoute from "./[workspace]/alerts/mutes/route";
import * as ruleRoute from "./[workspace]/alerts/rules/[ruleId]/route";
import * as rulesRoute from "./[workspace]/alerts/rules/route";
import * as endpointRoute from "./[workspace]/webhooks/[endpointId]/route";
import * as testRoute from "./[workspace]/webhooks/[endpointId]/test/route";
import * as deliveriesRoute from "./[workspace]/webhooks/deliveries/route";
import * as webhooksRoute from "./[workspace]/webhooks/route";

describe("webhook and alert routes on pglite", () => {
  let db: TestDatabase;
  const ws = randomUUID();
  const users = { admin: randomUUID(), editor: randomUUID(), viewer: randomUUID(), outsider: randomUUID() };
  const cookies: Record<keyof typeof users, string> = { admin: "", editor: "", viewer: "", outsider: "" };
  const slug = { workspace: "hooks-team" };
  const base = "/api/v1/workspaces/hooks-team/webhooks";
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    for (const [role, id] of Object.entries(users)) {
      await run("insert into auth.users (id, email) values ($1, $2)", [id, `${role}@x.test`]);
      cookies[role as keyof typeof users] = await sessionCookie({ id, email: `${role}@x.test` });
    }
    await run("insert into workspaces (id, slug, name) values ($1, 'hooks-team', 'Hooks')", [ws]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'editor'), ($1, $4, 'viewer')", [ws, users.admin, users.editor, users.viewer]);
  });

  // Saved through the service: the route's own URL check needs DNS, which this machine lacks.
  const newEndpoint = async (name: string) =>
    (await createEndpoint(db.connection.db, { workspaceId: ws, purpose: "webhook", createdBy: users.admin, endpoint: createEndpointSchema.parse({ name, target: "https://hooks.example.org/reach" }) })).endpoint.id;
  afterAll(async () => {
    await db?.drop();
  });

  it("admins list endpoints without their secrets; editors, viewers and outsiders are refused", async () => {
    const endpointId = await newEndpoint("CRM");
    const response = await callRoute(webhooksRoute.GET, base, slug, { cookie: cookies.admin });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, unknown>[] };
    expect(body.data.find((endpoint) => endpoint.id === endpointId)).toMatchObject({ name: "CRM", kind: "webhook", enabled: true, events: expect.arrayContaining(["snapshot_run.finished"]) });
    expect(JSON.stringify(body)).not.toMatch(/whsec_|secret/i);
    expect(await problemOf(await callRoute(webhooksRoute.GET, base, slug, { cookie: cookies.editor }))).toMatchObject({ status: 403, code: "forbidden" });
    expect(await problemOf(await callRoute(webhooksRoute.GET, base, slug, { cookie: cookies.viewer }))).toMatchObject({ status: 403 });
    expect(await problemOf(await callRoute(webhooksRoute.GET, base, slug, { cookie: cookies.outsider }))).toMatchObject({ status: 404, code: "not_found" });
  });

  it("refuses a private address or a bad URL as the user's mistake (400), and an editor's attempt (403)", async () => {
    for (const target of ["http://127.0.0.1:4310/hook", "http://169.254.169.254/latest", "http://[::1]/x", "ftp://example.org/x"]) {
      const response = await callRoute(webhooksRoute.POST, base, slug, { method: "POST", cookie: cookies.admin, json: { name: "Inside", target } });
      expect(await problemOf(response), target).toMatchObject({ status: 400, code: "invalid_input" });
    }
    const editor = await callRoute(webhooksRoute.POST, base, slug, { method: "POST", cookie: cookies.editor, json: { name: "x", target: "https://hooks.example.org/x" } });
    expect(await problemOf(editor)).toMatchObject({ status: 403 });
    expect((await run("select count(*)::int as n from delivery_endpoints where name in ('Inside', 'x')"))[0]).toEqual({ n: 0 });
  });

  it("an admin sends a test event (202), which shows in the delivery log as pending; an editor may not", async () => {
    const endpointId = await newEndpoint("Log");
    const response = await callRoute(testRoute.POST, `${base}/${endpointId}/test`, { ...slug, endpointId }, { method: "POST", cookie: cookies.admin });
    expect(response.status).toBe(202);
    const { data } = (await response.json()) as { data: { deliveryId: string } };
    const log = (await (await callRoute(deliveriesRoute.GET, `${base}/deliveries?endpointId=${endpointId}`, slug, { cookie: cookies.admin })).json()) as { data: Record<string, unknown>[] };
    expect(log.data).toMatchObject([{ id: data.deliveryId, endpointId, endpointName: "Log", eventType: "webhook.test", status: "pending", attempts: 0 }]);
    expect(await problemOf(await callRoute(testRoute.POST, `${base}/${endpointId}/test`, { ...slug, endpointId }, { method: "POST", cookie: cookies.editor }))).toMatchObject({ status: 403 });
  });

  it("disables, re-enables (clearing the failure count) and deletes an endpoint", async () => {
    const endpointId = await newEndpoint("Toggle");
    await run("update delivery_endpoints set enabled = false, consecutive_failures = 5, disabled_reason = 'Disabled after 5' where id = $1", [endpointId]);
    const params = { ...slug, endpointId };
    const refused = await callRoute(testRoute.POST, `${base}/${endpointId}/test`, params, { method: "POST", cookie: cookies.admin });
    expect(await problemOf(refused)).toMatchObject({ status: 409, code: "conflict" });
    const enabled = await callRoute(endpointRoute.PATCH, `${base}/${endpointId}`, params, { method: "PATCH", cookie: cookies.admin, json: { enabled: true } });
    expect(((await enabled.json()) as { data: unknown }).data).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
    expect((await callRoute(endpointRoute.DELETE, `${base}/${endpointId}`, params, { method: "DELETE", cookie: cookies.admin })).status).toBe(204);
    expect(await problemOf(await callRoute(endpointRoute.DELETE, `${base}/${endpointId}`, params, { method: "DELETE", cookie: cookies.admin }))).toMatchObject({ status: 404 });
    const audit = (await run("select action, actor_id, details from audit_log where entity_id = $1 order by id", [endpointId])) as { action: string; actor_id: string; details: Record<string, unknown> }[];
    expect(audit.map((entry) => entry.action)).toEqual(["webhook.created", "webhook.updated", "webhook.deleted"]);
    expect(audit.every((entry) => entry.actor_id === users.admin)).toBe(true);
    expect(audit[0]!.details).toMatchObject({ name: "Toggle", host: "hooks.example.org" });
    expect(JSON.stringify(audit)).not.toContain("/reach");
  });

  it("editors manage alert channels, which viewers cannot see", async () => {
    const channels = "/api/v1/workspaces/hooks-team/alerts/channels";
    const created = await callRoute(channelsRoute.POST, channels, slug, { method: "POST", cookie: cookies.editor, json: { kind: "email", name: "Team", target: "team@x.test", digest: true } });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { data: unknown }).data).toMatchObject({ kind: "email", purpose: "alert", digest: true, secret: null });
    const bad = await callRoute(channelsRoute.POST, channels, slug, { method: "POST", cookie: cookies.editor, json: { kind: "email", name: "Team", target: "not an address" } });
    expect(await problemOf(bad)).toMatchObject({ status: 400, code: "invalid_input" });
    expect(await problemOf(await callRoute(channelsRoute.GET, channels, slug, { cookie: cookies.viewer }))).toMatchObject({ status: 403 });
  });

  it("editors add alert rules whose parameters fit their kind, mute them, and read the history; viewers are refused", async () => {
    const rules = "/api/v1/workspaces/hooks-team/alerts/rules";
    const bad = await callRoute(rulesRoute.POST, rules, slug, { method: "POST", cookie: cookies.editor, json: { kind: "followers_change", name: "Bad", params: { percent: -5 } } });
    expect(await problemOf(bad)).toMatchObject({ status: 400, code: "invalid_input" });
    const unknownKind = await callRoute(rulesRoute.POST, rules, slug, { method: "POST", cookie: cookies.editor, json: { kind: "moon_phase", name: "x" } });
    expect(await problemOf(unknownKind)).toMatchObject({ status: 400 });
    const foreign = await callRoute(rulesRoute.POST, rules, slug, { method: "POST", cookie: cookies.editor, json: { kind: "account_failing", name: "x", endpointIds: [randomUUID()] } });
    expect(await problemOf(foreign)).toMatchObject({ status: 400, code: "invalid_input" });
    const created = await callRoute(rulesRoute.POST, rules, slug, { method: "POST", cookie: cookies.editor, json: { kind: "followers_change", name: "Crash", params: { percent: 40 } } });
    expect(created.status).toBe(201);
    const { data: rule } = (await created.json()) as { data: { id: string; params: Record<string, unknown> } };
    expect(rule.params).toEqual({ percent: 40, direction: "both", scope: "all" });
    const patched = await callRoute(ruleRoute.PATCH, `${rules}/${rule.id}`, { ...slug, ruleId: rule.id }, { method: "PATCH", cookie: cookies.editor, json: { params: { percent: 10, direction: "drop" }, enabled: false } });
    expect(((await patched.json()) as { data: unknown }).data).toMatchObject({ enabled: false, params: { percent: 10, direction: "drop", scope: "all" } });
    const muted = await callRoute(mutesRoute.POST, "/api/v1/workspaces/hooks-team/alerts/mutes", slug, { method: "POST", cookie: cookies.editor, json: { ruleId: rule.id, duration: "week" } });
    expect(muted.status).toBe(201);
    const { data: mute } = (await muted.json()) as { data: { until: string } };
    expect(Date.parse(mute.until) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect((await callRoute(alertsRoute.GET, "/api/v1/workspaces/hooks-team/alerts", slug, { cookie: cookies.editor })).status).toBe(200);
    for (const call of [
      () => callRoute(rulesRoute.GET, rules, slug, { cookie: cookies.viewer }),
      () => callRoute(alertsRoute.GET, "/api/v1/workspaces/hooks-team/alerts", slug, { cookie: cookies.viewer }),
      () => callRoute(mutesRoute.POST, "/api/v1/workspaces/hooks-team/alerts/mutes", slug, { method: "POST", cookie: cookies.viewer, json: { ruleId: rule.id, duration: "day" } }),
    ]) {
      expect(await problemOf(await call())).toMatchObject({ status: 403 });
    }
    expect(await problemOf(await callRoute(rulesRoute.GET, rules, slug, { cookie: cookies.outsider }))).toMatchObject({ status: 404 });
    expect((await callRoute(ruleRoute.DELETE, `${rules}/${rule.id}`, { ...slug, ruleId: rule.id }, { method: "DELETE", cookie: cookies.editor })).status).toBe(204);
  });
});
