import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSnapshotsNow } from "@/lib/jobs/run-snapshots-now";
import { createEndpoint } from "@/lib/services/deliveries/create-endpoint";
import { createEndpointSchema } from "@/lib/services/deliveries/endpoint-input";
import { ScrapeError } from "@/lib/scrapers/errors";
import { createAlertRule } from "@/lib/services/alerts/create-alert-rule";
import { createRuleSchema } from "@/lib/services/alerts/rule-input";
import { ENGINES } from "@/tests/db-harness";
import { queueRunWebhooks } from "./queue-run-webhooks";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/webhook-receiver";

describe.each(ENGINES)("outgoing webhooks from a snapshot run on %s", (engine) => {
  let scenario: SnapshotScenario;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    scenario = await createSnapshotScenario(engine, [
      { platform: "bluesky", handle: "reach.bsky.social" },
      { platform: "bluesky", handle: "nobody.bsky.social" },
    ]);
    receiver = await startWebhookReceiver();
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await scenario?.close();
  });

  it("sends snapshot_run.finished once and account.failing for the account that started failing, signed, to subscribed endpoints only", async () => {
    const endpoint = (name: string, events: string[]) =>
      createEndpoint(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", createdBy: null, endpoint: createEndpointSchema.parse({ name, target: receiver.url(`/${name}`), events }) });
    const all = await endpoint("all", ["snapshot_run.finished", "account.failing", "pipeline_run.finished", "post.failed"]);
    await endpoint("runs", ["snapshot_run.finished"]);
    const [{ slug }] = (await scenario.database.connection.runner.query<{ slug: string }>("select slug from workspaces where id = $1", [scenario.workspaceId])) as [{ slug: string }];
    const run = await runSnapshotsNow({ ...scenario.deps, deliveryTransport: { allowedOrigins: [receiver.origin], mail: { from: "r@x.test" }, timeoutMs: 10_000 } }, { workspace: slug });
    expect(run.status).toBe("partial");
    const bodies = (path: string) =>
      receiver.received.filter((request) => request.path === path).map((request) => new Webhook(all.secret!).verify(request.body, request.headers) as { type: string; data: Record<string, unknown> });
    const toAll = bodies("/all");
    expect(toAll.map((body) => body.type).sort()).toEqual(["account.failing", "snapshot_run.finished"]);
    expect(toAll.find((body) => body.type === "snapshot_run.finished")?.data).toMatchObject({ runId: run.id, kind: "accounts.snapshot", status: "partial", counts: { succeeded: 1, failed: 1 } });
    expect(toAll.find((body) => body.type === "account.failing")?.data).toMatchObject({ handle: "nobody.bsky.social", platform: "bluesky", errorCode: "not_found", consecutiveFailures: 1 });
    expect(receiver.received.filter((request) => request.path === "/runs").map((request) => (JSON.parse(request.body) as { type: string }).type)).toEqual(["snapshot_run.finished"]);
  });

  it("a run that crashes (its planning throws) still sends snapshot_run.finished, failed, and its run_problem alert, once each", async () => {
    const hooks = await createEndpoint(scenario.db, {
      workspaceId: scenario.workspaceId,
      purpose: "webhook",
      createdBy: null,
      endpoint: createEndpointSchema.parse({ name: "crash", target: receiver.url("/crash"), events: ["snapshot_run.finished"] }),
    });
    const { endpoint: channel } = await createEndpoint(scenario.db, {
      workspaceId: scenario.workspaceId,
      purpose: "alert",
      createdBy: null,
      endpoint: createEndpointSchema.parse({ kind: "webhook", name: "crash alerts", target: receiver.url("/crash-alerts") }),
    });
    await createAlertRule(scenario.db, { workspaceId: scenario.workspaceId, createdBy: null, rule: createRuleSchema.parse({ kind: "run_problem", name: "Runs", endpointIds: [channel.id] }) });
    const [{ slug }] = (await scenario.database.connection.runner.query<{ slug: string }>("select slug from workspaces where id = $1", [scenario.workspaceId])) as [{ slug: string }];
    // A scraper that cannot be set up (a permanent error): the planning step fails at once, and onFailure closes the run.
    const broken = () => {
      throw new ScrapeError("config", "PROXY_URLS holds an invalid URL");
    };
    const transport = { allowedOrigins: [receiver.origin], mail: { from: "r@x.test" }, timeoutMs: 10_000 };
    const run = await runSnapshotsNow({ ...scenario.deps, scraper: broken, deliveryTransport: transport }, { workspace: slug });
    expect(run).toMatchObject({ status: "failed", error: "PROXY_URLS holds an invalid URL" });

    const finished = receiver.received.filter((request) => request.path === "/crash").map((request) => new Webhook(hooks.secret!).verify(request.body, request.headers) as { type: string; data: Record<string, unknown> });
    expect(finished).toMatchObject([{ type: "snapshot_run.finished", data: { runId: run.id, status: "failed", error: "PROXY_URLS holds an invalid URL" } }]);
    const alerts = receiver.received.filter((request) => request.path === "/crash-alerts").map((request) => JSON.parse(request.body) as { type: string; data: { rule: string; subject: { id: string } } });
    expect(alerts).toMatchObject([{ type: "alert.triggered", data: { rule: "run_problem", subject: { id: run.id } } }]);
  });

  it("a pipeline run queues pipeline_run.finished and post.failed for the posts that failed in it, once", async () => {
    const { endpoint } = await createEndpoint(scenario.db, {
      workspaceId: scenario.workspaceId,
      purpose: "webhook",
      createdBy: null,
      endpoint: createEndpointSchema.parse({ name: "posts", target: receiver.url("/posts"), events: ["pipeline_run.finished", "post.failed"] }),
    });
    const run = (text: string, params: unknown[]) => scenario.database.connection.runner.query(text, params);
    const started = new Date(Date.now() - 60_000);
    const [{ id: runId }] = (await run(
      "insert into job_runs (workspace_id, kind, status, trigger, started_at, finished_at, counters) values ($1, 'posts.pipeline', 'partial', 'manual', $2, now(), '{\"succeeded\": 1, \"failed\": 1}') returning id",
      [scenario.workspaceId, started.toISOString()],
    )) as [{ id: string }];
    await run(
      `insert into tiktok_posts (workspace_id, post_id, url, creator, status, last_error_code, last_error_at, consecutive_failures) values
       ($1, '71', 'https://www.tiktok.com/@mia/video/71', 'mia', 'failed', 'not_found', now(), 1),
       ($1, '72', 'https://www.tiktok.com/@mia/video/72', 'mia', 'failed', 'not_found', $2, 2)`,
      [scenario.workspaceId, new Date(started.getTime() - 86_400_000).toISOString()],
    );
    const queued = await queueRunWebhooks(scenario.db, { runId, now: new Date() });
    expect(await queueRunWebhooks(scenario.db, { runId, now: new Date() })).toEqual([]);
    const rows = (await run("select event_type, payload from deliveries where endpoint_id = $1 order by event_type", [endpoint.id])) as { event_type: string; payload: { data: Record<string, unknown> } }[];
    expect(queued.filter((delivery) => delivery.endpointId === endpoint.id)).toHaveLength(2);
    expect(rows.map((row) => row.event_type)).toEqual(["pipeline_run.finished", "post.failed"]);
    expect(rows[0]!.payload.data).toMatchObject({ runId, kind: "posts.pipeline", status: "partial", counts: { succeeded: 1, failed: 1 } });
    expect(rows[1]!.payload.data).toMatchObject({ tiktokPostId: "71", creator: "mia", errorCode: "not_found", runId });
  });
});
