import { randomUUID } from "node:crypto";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import type { Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/registry";
import { createAlertRule, muteAlerts } from "@/lib/api/routes/notifications";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { callRoute, sessionCookie, type RouteCall } from "@/tests/http/route-harness";

type Handler = Parameters<typeof callRoute>[0];
// The seeded rule is the one muteAlerts' example names, so that example mutes a real rule.
const muteExampleRule = (muteAlerts.examples.body as { ruleId: string }).ruleId;
const ruleExampleChannel = (createAlertRule.examples.body as { endpointIds: string[] }).endpointIds[0] ?? "";
const DOC_ID = "https://reach.test/openapi.json";
const ORDER = { GET: 0, POST: 1, PATCH: 2, DELETE: 3 } as const;
// A token its role allows must get its way with the documented example; these few cannot here,
// for a reason of the sandbox, not of the contract.
const SANDBOX_REFUSES: Record<string, string> = {
  "GET /workspaces/{workspace}/posts/{postId}/slides.zip": "the seeded post has no stored slides (404; the slide routes' own tests store some)",
  "GET /workspaces/{workspace}/posts/{postId}/slides/{index}": "the seeded post has no stored slides (404)",
  "POST /workspaces/{workspace}/jobs/{runId}": "the seeded run is a bare row without the day a retry needs (400; jobs tests retry real runs)",
  "POST /workspaces/{workspace}/alerts/channels": "the example's host cannot be resolved without a network (400)",
};
const SUCCEEDS_WITH_EXAMPLE = (operation: Operation) => !(`${operation.method} ${operation.path}` in SANDBOX_REFUSES);

const pointer = (...segments: string[]) => segments.map((segment) => encodeURIComponent(segment.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");

/** The route module's handler for an operation, found from its path as Next finds it. */
async function handlerOf(operation: Operation): Promise<Handler> {
  const file = path.join(process.cwd(), "app", "api", "v1", ...operation.path.split("/").filter(Boolean).map((part) => part.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
  const routeModule = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  const handler = routeModule[operation.method];
  if (!handler) throw new Error(`${file} exports no ${operation.method}`);
  return handler;
}

// Every documented operation, called as an integrator would with a viewer and an editor token, and
// every answer (success or error) checked against the document itself, not against our zod schemas.
describe("API v1 answers match the OpenAPI document", () => {
  let db: TestDatabase;
  const document = buildOpenApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOC_ID });
  const ws = randomUUID();
  const other = randomUUID();
  const admin = randomUUID();
  const fixtures = { accountId: randomUUID(), postId: randomUUID(), runId: randomUUID(), invitationId: randomUUID(), sheetId: randomUUID(), tokenId: randomUUID(), endpointId: ruleExampleChannel, ruleId: muteExampleRule, index: "0", userId: admin };
  const tokens = { viewer: "", editor: "" };
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    await run("insert into auth.users (id, email) values ($1, 'admin@x.test')", [admin]);
    await run("insert into workspaces (id, slug, name) values ($1, 'team', 'Team'), ($2, 'elsewhere', 'Elsewhere')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($3, $2, 'admin')", [ws, admin, other]);
    await run("insert into accounts (id, workspace_id, platform, handle) values ($1, $2, 'tiktok', 'contract.one')", [fixtures.accountId, ws]);
    await run("insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source) values ($1, $2, current_date, 10, 'api')", [fixtures.accountId, ws]);
    await run("insert into tiktok_posts (id, workspace_id, post_id, url, va, views, posted_at, status) values ($1, $2, '7300000000000000001', 'https://www.tiktok.com/@a/video/7300000000000000001', 'Mia', 10, now(), 'scraped')", [fixtures.postId, ws]);
    await run("insert into job_runs (id, workspace_id, kind, trigger, status) values ($1, $2, 'accounts.snapshot', 'cron', 'succeeded')", [fixtures.runId, ws]);
    await run("insert into invitations (id, workspace_id, email, role, token_hash, expires_at) values ($1, $2, 'x@x.test', 'viewer', 'hash', now() + interval '1 day')", [fixtures.invitationId, ws]);
    await run("insert into sheet_sources (id, workspace_id, spreadsheet_id, tab) values ($1, $2, 'sheet', 'Posts')", [fixtures.sheetId, ws]);
    // An alert channel, a rule, an alert and a delivery, so the lists answer rows and the writes find their target.
    await run("insert into delivery_endpoints (id, workspace_id, purpose, kind, name, target) values ($1, $2, 'alert', 'webhook', 'Ops', 'https://hooks.example.org/reach')", [fixtures.endpointId, ws]);
    await run("insert into alert_rules (id, workspace_id, kind, name, params, endpoint_ids) values ($1, $2, 'account_failing', 'Failing', '{\"days\": 3, \"scope\": \"all\"}', array[$3::uuid])", [fixtures.ruleId, ws, fixtures.endpointId]);
    await run(
      "insert into alerts (workspace_id, rule_id, rule_kind, subject_type, subject_id, subject_label, link, day, title, message) values ($1, $2, 'account_failing', 'account', $3, 'contract.one (tiktok)', '/team/accounts/' || $3, current_date, 'contract.one is failing', 'contract.one on tiktok failed 3 time(s) in a row (last error: unknown).')",
      [ws, fixtures.ruleId, fixtures.accountId],
    );
    await run("insert into deliveries (workspace_id, endpoint_id, purpose, event_type, dedup_key, payload) values ($1, $2, 'alert', 'alert.triggered', 'alert:contract', '{}')", [ws, fixtures.endpointId]);
    const cookie = await sessionCookie({ id: admin, email: "admin@x.test" });
    const tokensRoute = await import("./workspaces/[workspace]/api-tokens/route");
    for (const role of ["viewer", "editor"] as const) {
      const created = await callRoute(tokensRoute.POST, "/api/v1/workspaces/team/api-tokens", { workspace: "team" }, { method: "POST", cookie, json: { name: role, role } });
      tokens[role] = ((await created.json()) as { data: { token: string } }).data.token;
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  function requestFor(operation: Operation, workspace: string, authorization: string | undefined): { url: string; params: Record<string, string>; call: RouteCall } {
    const params: Record<string, string> = {};
    const filled = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      params[name] = name === "workspace" ? workspace : String(fixtures[name as keyof typeof fixtures]);
      return params[name];
    });
    const url = `/api/v1${filled}${operation.examples.query ? `?${new URLSearchParams(operation.examples.query)}` : ""}`;
    const call: RouteCall = { method: operation.method, headers: authorization ? { authorization } : {} };
    if (operation.upload) {
      const form = new FormData();
      form.set("file", new Blob(["platform,handle\ntiktok,contract.upload\n"], { type: "text/csv" }), "accounts.csv");
      form.set("dryRun", "true");
      call.body = form;
    } else if (operation.examples.body !== undefined) call.json = operation.examples.body;
    return { url, params, call };
  }

  /** The answer's status must be documented for the operation and its body must match what the document says for it. */
  async function expectDocumented(operation: Operation, response: Response, label: string): Promise<void> {
    const responses = document.paths[operation.path]?.[operation.method.toLowerCase()]?.responses as Record<string, { content?: Record<string, unknown> }>;
    const status = String(response.status);
    expect(Object.keys(responses), `${label}: status ${status} (${await response.clone().text()})`).toContain(status);
    const content = responses[status]?.content;
    if (!content) return void expect(await response.text(), label).toBe("");
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!;
    if (content["application/problem+json"]) {
      expect(type, label).toBe("application/problem+json");
      const validate = ajv.getSchema(`${DOC_ID}#/components/schemas/Problem`)!;
      expect(validate(await response.json()), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
      return;
    }
    if (!content["application/json"]) return void expect(Object.keys(content).map((media) => media.replace("*", "")), label).toSatisfy((listed: string[]) => listed.some((media) => type.startsWith(media)));
    const validate = ajv.getSchema(`${DOC_ID}#/${pointer("paths", operation.path, operation.method.toLowerCase(), "responses", status, "content", "application/json", "schema")}`)!;
    const body = (await response.json()) as unknown;
    expect(validate(body), `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  }

  const ordered = [...OPERATIONS].sort((a, b) => ORDER[a.method] - ORDER[b.method]);

  it.each(ordered.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))("%s", async (_name, operation) => {
    const handler = await handlerOf(operation);
    const seen = new Set<number>();
    for (const role of ["viewer", "editor"] as const) {
      const { url, params, call } = requestFor(operation, "team", `Bearer ${tokens[role]}`);
      const response = await callRoute(handler, url, params, call);
      const text = await response.clone().text();
      seen.add(response.status);
      await expectDocumented(operation, response, `${role} token`);
      // What a token may do is its role's: a viewer never writes, neither token reaches admin routes.
      if (!operation.role) expect(response.status, role).toBe(401);
      else if (!operation.tokens || (role === "viewer" && operation.role !== "viewer")) expect(response.status, role).toBe(403);
      else expect(response.status, `${role} ${text}`).toBeLessThan(SUCCEEDS_WITH_EXAMPLE(operation) ? 400 : 500);
    }
    const anonymous = requestFor(operation, "team", undefined);
    const signedOut = await callRoute(handler, anonymous.url, anonymous.params, anonymous.call);
    expect(signedOut.status).toBe(401);
    await expectDocumented(operation, signedOut, "no credentials");
    const revoked = requestFor(operation, "team", "Bearer reach_00000000-0000-4000-8000-000000000000_" + "x".repeat(43));
    await expectDocumented(operation, await callRoute(handler, revoked.url, revoked.params, revoked.call), "unknown token");
    if (operation.role) {
      const elsewhere = requestFor(operation, "elsewhere", `Bearer ${tokens.editor}`);
      const foreign = await callRoute(handler, elsewhere.url, elsewhere.params, elsewhere.call);
      expect(foreign.status, "another workspace").toBe(404);
      await expectDocumented(operation, foreign, "another workspace");
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  /** The ways an integrator's request can be malformed for this operation: each must be a documented 400. */
  function malformed(operation: Operation): { label: string; url: string; params: Record<string, string>; call: RouteCall }[] {
    const base = requestFor(operation, "team", `Bearer ${tokens.editor}`);
    const cases: { label: string; url: string; params: Record<string, string>; call: RouteCall }[] = [];
    if (operation.body && !operation.upload) cases.push({ label: "a body of the wrong type", ...base, call: { ...base.call, json: [] } });
    const id = Object.keys(base.params).find((name) => name !== "workspace");
    if (id) {
      const value = base.params[id] ?? "";
      cases.push({ label: `a ${id} that is no id`, url: base.url.replace(value, "not-an-id"), params: { ...base.params, [id]: "not-an-id" }, call: base.call });
    }
    if (operation.list) cases.push({ label: "a limit out of range", ...base, url: `${base.url}${base.url.includes("?") ? "&" : "?"}limit=0` });
    return cases;
  }

  const checkable = ordered.filter((operation) => operation.tokens && malformed(operation).length > 0);
  it.each(checkable.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))("%s answers a malformed request with a documented 400", async (_name, operation) => {
    const handler = await handlerOf(operation);
    for (const bad of malformed(operation)) {
      const response = await callRoute(handler, bad.url, bad.params, bad.call);
      expect(response.status, `${bad.label}: ${await response.clone().text()}`).toBe(400);
      await expectDocumented(operation, response, bad.label);
    }
  });
});
