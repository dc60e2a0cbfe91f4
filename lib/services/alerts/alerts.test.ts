import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/calendar";
import { localDate } from "@/lib/domain/local-time";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import { jobEvent } from "@/lib/jobs/events";
import { createLocalRunner } from "@/lib/jobs/local-runner";
import { createEndpoint } from "@/lib/services/deliveries/create-endpoint";
import { createEndpointSchema } from "@/lib/services/deliveries/endpoint-input";
import { ENGINES } from "@/tests/db-harness";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { startSmtpSink } from "@/tests/smtp-sink";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/webhook-receiver";
import { createAlertRule } from "./create-alert-rule";
import { evaluateAlertRules } from "./evaluate-alert-rules";
import { muteAlerts } from "./mute-alerts";
import { queueAlertDigests } from "./queue-alert-digests";
import { createRuleSchema } from "./rule-input";

const TZ = "Europe/Paris";

describe.each(ENGINES)("alert rules on %s", (engine) => {
  let scenario: SnapshotScenario;
  let receiver: WebhookReceiver;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const now = new Date();
  const today = localDate(TZ, now);
  const run = (text: string, params: unknown[] = []) => scenario.database.connection.runner.query(text, params);

  beforeAll(async () => {
    scenario = await createSnapshotScenario(engine, []);
    receiver = await startWebhookReceiver();
    smtp = await startSmtpSink();
  }, 60_000);
  afterAll(async () => {
    await smtp?.close();
    await receiver?.close();
    await scenario?.close();
  });

  const deps = () => ({ ...scenario.deps, deliveryTransport: { allowedOrigins: [receiver.origin], mail: { smtpUrl: smtp.smtpUrl, from: "Reach <r@x.test>" }, timeoutMs: 10_000 } });
  async function deliver(deliveries: { id: string }[]) {
    const runner = createLocalRunner({ definitions: createJobDefinitions(deps()) });
    await runner.send(deliveries.map((delivery) => jobEvent("deliveries.send", { workspaceId: scenario.workspaceId, deliveryId: delivery.id })));
    await runner.idle();
  }
  const rule = (kind: string, params: Record<string, unknown>, endpointIds: string[] = []) =>
    createAlertRule(scenario.db, { workspaceId: scenario.workspaceId, createdBy: null, rule: createRuleSchema.parse({ kind, name: kind, params, endpointIds }) });
  const disable = (id: string) => run("update alert_rules set enabled = false where id = $1", [id]);
  async function account(handle: string, followers: (number | null)[]) {
    const [{ id }] = (await run("insert into accounts (workspace_id, platform, handle) values ($1, 'bluesky', $2) returning id", [scenario.workspaceId, handle])) as [{ id: string }];
    for (const [index, value] of followers.entries()) {
      if (value === null) continue;
      await run("insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source) values ($1, $2, $3, $4, 'api')", [id, scenario.workspaceId, addDays(today, index - followers.length + 1), value]);
    }
    return id;
  }
  // Each test judges its own accounts only: the others' are set inactive, which every account rule skips.
  const onlyNewAccounts = () => run("update accounts set active = false where workspace_id = $1", [scenario.workspaceId]);
  const evaluate = (at = now) => evaluateAlertRules(scenario.db, { workspaceId: scenario.workspaceId, now: at, appUrl: "https://reach.example.org" });
  const alertsOf = async (ruleId: string) => (await run("select subject_id, day::text as day, title, link from alerts where rule_id = $1 order by subject_id", [ruleId])) as { subject_id: string; day: string; title: string; link: string }[];

  it("followers change: a spike and a drop alert, a suspect dip is left out, and the rule's direction is respected", async () => {
    await onlyNewAccounts();
    const spike = await account(`spike-${randomUUID().slice(0, 6)}`, [1000, 2000]);
    const drop = await account(`drop-${randomUUID().slice(0, 6)}`, [1000, 500]);
    // Yesterday's 100 is a dip that recovered today: flagged suspect by the database, so no comparison uses it.
    const dip = await account(`dip-${randomUUID().slice(0, 6)}`, [1000, 100, 1000]);
    const steady = await account(`steady-${randomUUID().slice(0, 6)}`, [1000, 1100]);
    const both = await rule("followers_change", { percent: 20 });
    const dropsOnly = await rule("followers_change", { percent: 20, direction: "drop" });
    await evaluate();
    expect((await alertsOf(both.id)).map((alert) => alert.subject_id).sort()).toEqual([spike, drop].sort());
    expect((await alertsOf(dropsOnly.id)).map((alert) => alert.subject_id)).toEqual([drop]);
    const [suspect] = (await run("select suspect_reason from account_snapshots where account_id = $1 and snapshot_date = $2", [dip, addDays(today, -1)])) as [{ suspect_reason: string }];
    expect(suspect.suspect_reason).toBe("dip_recovered");
    expect((await alertsOf(both.id)).find((alert) => alert.subject_id === steady || alert.subject_id === dip)).toBeUndefined();
    expect((await alertsOf(both.id)).find((alert) => alert.subject_id === drop)).toMatchObject({ day: today, title: expect.stringContaining("dropped 50%"), link: expect.stringMatching(/^\/ws-.+\/accounts\//) });
    await Promise.all([disable(both.id), disable(dropsOnly.id)]);
  });

  it("account failing N days in a row, run failed or 3× slower than its median, viral post, post that keeps failing", async () => {
    await onlyNewAccounts();
    const failing = await account(`failing-${randomUUID().slice(0, 6)}`, []);
    await run("update accounts set health_status = 'failing', consecutive_failures = 3, last_error_code = 'blocked' where id = $1", [failing]);
    const flaky = await account(`flaky-${randomUUID().slice(0, 6)}`, []);
    await run("update accounts set health_status = 'failing', consecutive_failures = 1 where id = $1", [flaky]);
    const hour = 3_600_000;
    const runAt = (kind: string, status: string, endsHoursAgo: number, seconds: number) =>
      run("insert into job_runs (workspace_id, kind, status, trigger, started_at, finished_at) values ($1, $2, $3, 'cron', $4, $5) returning id", [
        scenario.workspaceId,
        kind,
        status,
        new Date(now.getTime() - endsHoursAgo * hour - seconds * 1000).toISOString(),
        new Date(now.getTime() - endsHoursAgo * hour).toISOString(),
      ]) as Promise<[{ id: string }]>;
    for (const hoursAgo of [72, 48, 30]) await runAt("posts.pipeline", "succeeded", hoursAgo, 10);
    const [slow] = await runAt("posts.pipeline", "succeeded", 2, 45);
    const [failed] = await runAt("posts.pipeline", "failed", 1, 5);
    const [{ id: viral }] = (await run(
      "insert into tiktok_posts (workspace_id, post_id, url, creator, views) values ($1, $2, 'https://www.tiktok.com/@mia/video/1', 'mia', 20100) returning id",
      [scenario.workspaceId, randomUUID()],
    )) as [{ id: string }];
    for (const views of [100, 120, 80]) {
      await run("insert into tiktok_posts (workspace_id, post_id, url, creator, views) values ($1, $2, 'https://www.tiktok.com/@mia/video/2', 'mia', $3)", [scenario.workspaceId, randomUUID(), views]);
    }
    await run("insert into tiktok_post_stats (post_id, workspace_id, date, views) values ($1, $2, $3, 100), ($1, $2, $4, 20100)", [viral, scenario.workspaceId, addDays(today, -1), today]);
    const [{ id: broken }] = (await run(
      "insert into tiktok_posts (workspace_id, post_id, url, status, consecutive_failures, last_error_code) values ($1, $2, 'https://www.tiktok.com/@a/video/3', 'failed', 4, 'not_found') returning id",
      [scenario.workspaceId, randomUUID()],
    )) as [{ id: string }];
    const rules = {
      failing: await rule("account_failing", { days: 3 }),
      runs: await rule("run_problem", {}),
      viral: await rule("post_viral", { factor: 5 }),
      posts: await rule("post_failing", { times: 3 }),
    };
    await evaluate();
    expect((await alertsOf(rules.failing.id)).map((alert) => alert.subject_id)).toEqual([failing]);
    expect((await alertsOf(rules.runs.id)).map((alert) => alert.subject_id).sort()).toEqual([slow.id, failed.id].sort());
    expect((await alertsOf(rules.runs.id)).find((alert) => alert.subject_id === slow.id)?.title).toContain("was slow");
    expect(await alertsOf(rules.viral.id)).toMatchObject([{ subject_id: viral, title: "mia's post is taking off" }]);
    expect((await alertsOf(rules.posts.id)).map((alert) => alert.subject_id)).toEqual([broken]);
    await Promise.all(Object.values(rules).map((created) => disable(created.id)));
  });

  it("alerts reach a webhook channel and an email channel exactly once per rule, subject and day; a muted subject is skipped", async () => {
    await onlyNewAccounts();
    const { endpoint: hook, secret } = await createEndpoint(scenario.db, { workspaceId: scenario.workspaceId, purpose: "alert", createdBy: null, endpoint: createEndpointSchema.parse({ kind: "webhook", name: "Hook", target: receiver.url("/alerts") }) });
    const { endpoint: mail } = await createEndpoint(scenario.db, { workspaceId: scenario.workspaceId, purpose: "alert", createdBy: null, endpoint: createEndpointSchema.parse({ kind: "email", name: "Mail", target: "team@x.test" }) });
    const first = await account(`once-${randomUUID().slice(0, 6)}`, [1000, 100]);
    const muted = await account(`muted-${randomUUID().slice(0, 6)}`, [1000, 100]);
    const crash = await rule("followers_change", { percent: 50, direction: "drop" }, [hook.id, mail.id]);
    await muteAlerts(scenario.db, { workspaceId: scenario.workspaceId, createdBy: null, mute: { ruleId: crash.id, subjectType: "account", subjectId: muted, duration: "day" }, now });
    const evaluated = await evaluate();
    expect(evaluated).toMatchObject({ alerts: 1, deliveries: [expect.anything(), expect.anything()] });
    await deliver(evaluated.deliveries);
    // Evaluated again within the day (after the next run, or the hourly schedule): nothing new.
    const again = await evaluate(new Date(now.getTime() + 60_000));
    expect(again).toEqual({ alerts: 0, deliveries: [] });
    await deliver(evaluated.deliveries);
    const hooks = receiver.received.filter((request) => request.path === "/alerts");
    expect(hooks).toHaveLength(1);
    expect(new Webhook(secret!).verify(hooks[0]!.body, hooks[0]!.headers)).toMatchObject({
      type: "alert.triggered",
      data: { rule: "followers_change", subject: { type: "account", id: first, link: expect.stringMatching(/^https:\/\/reach\.example\.org\/ws-.+\/accounts\//) } },
    });
    const mails = smtp.received.filter((message) => message.to.includes("team@x.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data).toMatch(/Subject: \[Reach\] once-.+: followers dropped 90%/);
    expect(await alertsOf(crash.id)).toMatchObject([{ subject_id: first }]);
    await disable(crash.id);
  });

  it("a digest channel gets one message with the previous day's alerts, and per-alert deliveries skip it", async () => {
    await onlyNewAccounts();
    const { endpoint: digest } = await createEndpoint(scenario.db, { workspaceId: scenario.workspaceId, purpose: "alert", createdBy: null, endpoint: createEndpointSchema.parse({ kind: "slack", name: "Digest", target: receiver.url("/digest"), digest: true }) });
    await account(`digest-${randomUUID().slice(0, 6)}`, [1000, 100]);
    const crash = await rule("followers_change", { percent: 50 }, [digest.id]);
    expect(await evaluate()).toMatchObject({ alerts: 1, deliveries: [] });
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const queued = await queueAlertDigests(scenario.db, { workspaceId: scenario.workspaceId, now: tomorrow, appUrl: undefined });
    expect(await queueAlertDigests(scenario.db, { workspaceId: scenario.workspaceId, now: new Date(tomorrow.getTime() + 3_600_000), appUrl: undefined })).toEqual([]);
    await deliver(queued);
    const digests = receiver.received.filter((request) => request.path === "/digest").map((request) => JSON.parse(request.body) as { text: string });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toMatch(/^1 alert\(s\) on \d{4}-\d{2}-\d{2}: • digest-.+ dropped 90%/);
    await disable(crash.id);
  });
});
