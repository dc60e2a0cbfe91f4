import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays } from "@/lib/domain/calendar";
import { localDate } from "@/lib/domain/local-time";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import { createLocalRunner } from "@/lib/jobs/local-runner";
import { runSnapshotsNow } from "@/lib/jobs/run-snapshots-now";
import { createEndpoint } from "@/lib/services/deliveries/create-endpoint";
import { createEndpointSchema } from "@/lib/services/deliveries/endpoint-input";
import { ENGINES } from "@/tests/db-harness";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { startOtlpReceiver, type OtlpReceiver } from "@/tests/otlp-receiver";
import { traceTo } from "@/tests/test-tracing";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/webhook-receiver";
import { getWorkspaceHealth } from "@/lib/services/system-health/get-workspace-health";
import { createAlertRule } from "./create-alert-rule";
import { createRuleSchema } from "./rule-input";

let otlp: OtlpReceiver;
let tracing: Awaited<ReturnType<typeof traceTo>>;
beforeAll(async () => {
  otlp = await startOtlpReceiver();
  tracing = await traceTo(otlp.url);
});
afterAll(async () => {
  await tracing?.stop();
  await otlp?.close();
});

// Issue 12's "done when": a snapshot run with one crashed and one failing account, Slack and OTLP pointed at local receivers.
describe.each(ENGINES)("a snapshot run's alerts reach Slack once each, with spans for its steps, on %s", (engine) => {
  let scenario: SnapshotScenario;
  let slack: WebhookReceiver;

  beforeAll(async () => {
    scenario = await createSnapshotScenario(engine, [
      { platform: "bluesky", handle: "reach.bsky.social", isCore: true },
      { platform: "bluesky", handle: "nobody.bsky.social" },
    ]);
    slack = await startWebhookReceiver();
  }, 60_000);
  afterAll(async () => {
    await slack?.close();
    await scenario?.close();
  });

  it("one followers-drop alert for the crashed account and one failing alert for the other, and nothing more on re-evaluation", async () => {
    const yesterday = addDays(localDate("Europe/Paris", new Date()), -1);
    // Yesterday it had a billion followers: today's real figure is a crash of nearly 100%.
    await scenario.database.connection.runner.query(
      "insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source) values ($1, $2, $3, 1000000000, 'api')",
      [scenario.ids["reach.bsky.social"], scenario.workspaceId, yesterday],
    );
    const { endpoint: channel } = await createEndpoint(scenario.db, {
      workspaceId: scenario.workspaceId,
      purpose: "alert",
      createdBy: null,
      endpoint: createEndpointSchema.parse({ kind: "slack", name: "Slack", target: slack.url("/services/T000/B000/XXXX") }),
    });
    for (const rule of [
      { kind: "followers_change", name: "Crash", params: { percent: 30, direction: "drop", scope: "core" } },
      { kind: "account_failing", name: "Failing", params: { days: 1 } },
    ]) {
      await createAlertRule(scenario.db, { workspaceId: scenario.workspaceId, createdBy: null, rule: createRuleSchema.parse({ ...rule, endpointIds: [channel.id] }) });
    }
    const deps = { ...scenario.deps, deliveryTransport: { allowedOrigins: [slack.origin], mail: { from: "r@x.test" }, timeoutMs: 10_000 } };
    const [{ slug }] = (await scenario.database.connection.runner.query<{ slug: string }>("select slug from workspaces where id = $1", [scenario.workspaceId])) as [{ slug: string }];
    const run = await runSnapshotsNow(deps, { workspace: slug });
    expect(run.status).toBe("partial");

    const messages = slack.received.map((request) => JSON.parse(request.body) as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] });
    expect(messages).toHaveLength(2);
    const crash = messages.find((message) => message.text.includes("reach.bsky.social"));
    const failing = messages.find((message) => message.text.includes("nobody.bsky.social"));
    expect(crash?.text).toMatch(/followers dropped \d+(\.\d)?%/);
    expect(failing?.text).toContain("is failing");
    // Slack's incoming-webhook format: a plain-text fallback and a mrkdwn section with the bold title.
    expect(crash?.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn", text: expect.stringMatching(/^\*reach\.bsky\.social: followers dropped .+\*\n.+/) } });
    expect(slack.received.every((request) => request.headers["content-type"] === "application/json" && !("webhook-signature" in request.headers))).toBe(true);

    // The hourly schedule evaluates again: same subjects, same rules, same day — no second alert.
    const runner = createLocalRunner({ definitions: createJobDefinitions(deps) });
    await runner.fire("alerts-schedule");
    await runner.idle();
    expect(slack.received).toHaveLength(2);
    const [{ n }] = (await scenario.database.connection.runner.query<{ n: number }>("select count(*)::int as n from alerts where workspace_id = $1", [scenario.workspaceId])) as [{ n: number }];
    expect(n).toBe(2);

    await tracing.flush();
    await vi.waitFor(() => expect(otlp.spans().some((span) => span.name === "job deliveries-send" && span.attributes["reach.workspace_id"] === scenario.workspaceId)).toBe(true), { timeout: 10_000 });
    const ofRun = otlp.spans().filter((span) => span.attributes["reach.run_id"] === run.id);
    const steps = new Set(ofRun.filter((span) => span.name.startsWith("job.step ")).map((span) => `${span.attributes["reach.job"]}:${span.attributes["reach.step"]}`));
    expect([...steps]).toEqual(expect.arrayContaining(["snapshots-run:plan", "snapshots-batch:attempt-0", "snapshots-batch:finish", "runs-finished:webhooks", "runs-finished:alerts"]));

    // The System health page's figures (the service it renders) show the run, its batch and its failure.
    const health = await getWorkspaceHealth(scenario.db, { workspaceId: scenario.workspaceId, timezone: "Europe/Paris", now: new Date() });
    expect(health.days.at(-1)).toMatchObject({ date: localDate("Europe/Paris", new Date()), partial: 1, batches: 1, successRate: 0.5 });
    expect(health.errors).toEqual([{ platform: "bluesky", code: "not_found", count: 1 }]);
    expect(health.platforms).toContainEqual(expect.objectContaining({ platform: "bluesky", window: "24h", items: 2, successRate: 0.5 }));
  });
});
