import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { WebhookEventType } from "@/lib/domain/notifications";
import { buildMessage } from "@/lib/services/deliveries/build-message";
import { queueDeliveries, type QueuedMessage } from "@/lib/services/deliveries/queue-deliveries";

// Per run and event type: a run where every account fails tells the receiver about the first hundred.
const MAX_SUBJECTS = 100;

interface RunRow {
  id: string;
  kind: string;
  status: string;
  slug: string;
  workspace_id: string;
  error: string | null;
  counters: Record<string, number>;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const absolute = (appUrl: string | undefined, path: string) => (appUrl ? new URL(path, appUrl).toString() : path);

/**
 * After a run closed: one `snapshot_run.finished` or `pipeline_run.finished` message for the run,
 * `account.failing` for each account that started failing in it, and `post.failed` for each post
 * that failed in it, to every enabled webhook endpoint subscribed to that event. Queued once per
 * endpoint and subject (dedup keys), so a replayed step queues nothing new.
 */
export async function queueRunWebhooks(db: Db, input: { runId: string; appUrl?: string; now: Date }): Promise<{ id: string; endpointId: string }[]> {
  const [run] = rowsOf<RunRow>(
    await db.execute(sql`
      select r.id, r.kind, r.status::text as status, w.slug, r.error, r.counters, r.started_at, r.finished_at, r.workspace_id
      from job_runs r join workspaces w on w.id = r.workspace_id where r.id = ${input.runId}`),
  );
  if (!run) return [];
  const endpoints = rowsOf<{ id: string; events: string[] }>(
    await db.execute(sql`select id, events from delivery_endpoints where workspace_id = ${run.workspace_id} and purpose = 'webhook' and enabled`),
  );
  if (endpoints.length === 0) return [];
  const since = run.started_at ?? run.finished_at ?? input.now;
  const jobsLink = absolute(input.appUrl, `/${run.slug}/jobs`);
  const notices: { type: WebhookEventType; key: string; title: string; text: string; link: string; data: Record<string, unknown> }[] = [];
  const startedAt = iso(run.started_at);
  const finishedAt = iso(run.finished_at);
  const runData = {
    runId: run.id,
    kind: run.kind,
    status: run.status,
    workspace: run.slug,
    startedAt,
    finishedAt,
    durationMs: startedAt && finishedAt ? Date.parse(finishedAt) - Date.parse(startedAt) : null,
    counts: run.counters,
    error: run.error,
    link: jobsLink,
  };
  const runType: WebhookEventType = run.kind === "posts.pipeline" ? "pipeline_run.finished" : "snapshot_run.finished";
  notices.push({ type: runType, key: `run:${run.id}`, title: `Run ${run.status}`, text: run.error ?? `The ${run.kind} run ${run.status}.`, link: jobsLink, data: runData });
  if (run.kind === "accounts.snapshot") {
    const failing = rowsOf<{ id: string; platform: string; handle: string; last_error_code: string | null; consecutive_failures: number }>(
      await db.execute(sql`
        select id, platform::text as platform, handle, last_error_code, consecutive_failures from accounts
        where workspace_id = ${run.workspace_id} and health_status = 'failing' and consecutive_failures = 1 and last_error_at >= ${iso(since)}::timestamptz
        order by handle limit ${MAX_SUBJECTS}`),
    );
    for (const account of failing) {
      const link = absolute(input.appUrl, `/${run.slug}/accounts/${account.id}`);
      notices.push({
        type: "account.failing",
        key: `account-failing:${account.id}:${run.id}`,
        title: `${account.handle} started failing`,
        text: `${account.platform} account ${account.handle}: ${account.last_error_code ?? "error"}`,
        link,
        data: { accountId: account.id, platform: account.platform, handle: account.handle, errorCode: account.last_error_code, consecutiveFailures: account.consecutive_failures, runId: run.id, link },
      });
    }
  } else {
    const failed = rowsOf<{ id: string; post_id: string; url: string; creator: string | null; last_error_code: string | null; consecutive_failures: number }>(
      await db.execute(sql`
        select id, post_id, url, creator, last_error_code, consecutive_failures from tiktok_posts
        where workspace_id = ${run.workspace_id} and status = 'failed' and last_error_at >= ${iso(since)}::timestamptz
        order by post_id limit ${MAX_SUBJECTS}`),
    );
    for (const post of failed) {
      const link = absolute(input.appUrl, `/${run.slug}/posts/${post.id}`);
      notices.push({
        type: "post.failed",
        key: `post-failed:${post.id}:${run.id}`,
        title: `Post ${post.post_id} failed`,
        text: `${post.url}: ${post.last_error_code ?? "error"}`,
        link,
        data: { postId: post.id, tiktokPostId: post.post_id, url: post.url, creator: post.creator, errorCode: post.last_error_code, consecutiveFailures: post.consecutive_failures, runId: run.id, link },
      });
    }
  }
  const messages: QueuedMessage[] = [];
  for (const notice of notices) {
    for (const endpoint of endpoints.filter((candidate) => candidate.events.includes(notice.type))) {
      messages.push({ endpointId: endpoint.id, eventType: notice.type, dedupKey: notice.key, payload: buildMessage("webhook", notice, input.now) });
    }
  }
  return queueDeliveries(db, { workspaceId: run.workspace_id, purpose: "webhook", messages, now: input.now });
}
