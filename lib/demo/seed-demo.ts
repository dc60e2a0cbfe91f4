import type { Connection } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { localDate } from "@/lib/domain/local-time";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { Storage, StoredObject } from "@/lib/storage/storage";
import { insertRecords, insertSeries } from "./bulk-insert";
import { addDays } from "@/lib/domain/calendar";
import { generateAccounts } from "./demo-accounts";
import { generateJobs } from "./demo-jobs";
import { generatePosts, type SlidePlan } from "./demo-posts";
import { mapLimit } from "./map-limit";
import { ACME_USER, DEMO_USERS, ensureUsers, type DemoUser } from "./demo-users";
import { demoUuid, Random } from "./random";
import { renderSlide } from "./slide-image";
import { logger } from "@/lib/log/logger";
import { fillPeriodMedians } from "@/lib/services/posts/fill-period-medians";

export { ACME_USER, DEMO_USERS } from "./demo-users";

export const DEMO_WORKSPACES = [
  { slug: "demo", name: "Demo Agency", timezone: "America/New_York" },
  { slug: "acme", name: "Acme Corp", timezone: "Europe/London" },
] as const;

export const SLIDES_BUCKET = "slides";

export interface SeedDemoOptions {
  /** REACH_DATA_DIR: slides go to <storageRoot>/storage/slides unless `storage` is given. */
  storageRoot: string;
  storage?: Storage;
  /** "Today" for the generated history, so the demo always ends on the current day. */
  now?: Date;
  /** Shrinks the demo workspace's accounts and posts (tests); 1 is the full demo. */
  scale?: number;
}

export interface SeedDemoResult {
  workspaceIds: Record<(typeof DEMO_WORKSPACES)[number]["slug"], string>;
  counts: Record<string, number>;
  ms: number;
}

interface WorkspaceSize {
  accounts: number;
  accountDays: number;
  core: number;
  failing: number;
  posts: number;
  postDays: number;
  vas: readonly string[];
  creators: number;
  sets: number;
}

const SLIDE_CONCURRENCY = 8;

function sizes(scale: number): Record<"demo" | "acme", WorkspaceSize> {
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    demo: {
      accounts: scaled(300),
      accountDays: 548,
      core: scaled(20),
      failing: scaled(6),
      posts: scaled(600),
      postDays: 182,
      vas: ["Maya", "Luis", "Priya", "Sam", "Aisha", "Tomás", "Jenny", "Kofi"],
      creators: 30,
      sets: 60,
    },
    acme: { accounts: 12, accountDays: 120, core: 3, failing: 1, posts: 24, postDays: 60, vas: ["Rita", "Omar"], creators: 3, sets: 4 },
  };
}

export type WorkspacePlan = ReturnType<typeof planWorkspace>;

function planWorkspace(spec: (typeof DEMO_WORKSPACES)[number], size: WorkspaceSize, now: Date) {
  const workspaceId = demoUuid("workspace", spec.slug);
  const today = localDate(spec.timezone, now);
  const firstDay = addDays(today, -(size.accountDays - 1));
  const rng = (part: string) => new Random(`${spec.slug}:${part}`);
  const { accounts, series } = generateAccounts(rng("accounts"), {
    workspaceId,
    count: size.accounts,
    days: size.accountDays,
    today,
    now,
    coreCount: size.core,
    failingCount: size.failing,
  });
  const { posts, stats, slides } = generatePosts(rng("posts"), {
    workspaceId,
    count: size.posts,
    days: size.postDays,
    today,
    timezone: spec.timezone,
    now,
    vas: size.vas,
    creatorCount: size.creators,
    setCount: size.sets,
  });
  return { spec, workspaceId, today, firstDay, accounts, series, posts, stats, slides, rng };
}

const SNAPSHOTS_SQL = `
  insert into account_snapshots
    (account_id, workspace_id, snapshot_date, followers, following, posts, likes, approximate, extra, source, scraped_at)
  select r.a, r.w, r.start + d.o, d.f, d.g, d.p, d.l, coalesce(d.x, false),
    case when d.gr is null then '{}'::jsonb else jsonb_build_object('granularity', d.gr) end,
    r.src, least(((r.start + d.o) + time '05:00' + make_interval(secs => (d.o * 37) % 1800)) at time zone 'UTC', $2::timestamptz)
  from jsonb_to_recordset($1::jsonb) as r(a uuid, w uuid, start date, src snapshot_source,
    o int[], f bigint[], g bigint[], p bigint[], l bigint[], x boolean[], gr bigint[])
  cross join lateral unnest(r.o, r.f, r.g, r.p, r.l, r.x, r.gr) as d(o, f, g, p, l, x, gr)`;

const POST_STATS_SQL = `
  insert into tiktok_post_stats (post_id, workspace_id, date, views, likes, comments, shares, saves)
  select r.p, r.w, r.start + d.o, d.v, d.l, d.c, d.s, d.sv
  from jsonb_to_recordset($1::jsonb) as r(p uuid, w uuid, start date, o int[], v bigint[], l bigint[], c bigint[], s bigint[], sv bigint[])
  cross join lateral unnest(r.o, r.v, r.l, r.c, r.s, r.sv) as d(o, v, l, c, s, sv)`;

/** What the seed inserts, computed without a database: the same `now` and `scale` always give the same plan. */
export function planDemo(options: { now: Date; scale?: number }): Record<"demo" | "acme", WorkspacePlan> {
  const size = sizes(options.scale ?? 1);
  const [demoSpec, acmeSpec] = DEMO_WORKSPACES;
  return { demo: planWorkspace(demoSpec, size.demo, options.now), acme: planWorkspace(acmeSpec, size.acme, options.now) };
}

async function storeSlides(storage: Storage, slides: readonly SlidePlan[]): Promise<StoredObject[]> {
  return mapLimit(slides, SLIDE_CONCURRENCY, async (slide) =>
    storage.put(slide.storagePath, await renderSlide(slide.design), "image/png"),
  );
}

/**
 * Creates the demo workspaces, users, accounts with 18 months of history, TikTok posts with stats
 * and slide images, and finished job runs. Deterministic for a given `now` and `scale`, except the
 * bcrypt salts. Every row goes in one transaction; slide files are written alongside.
 */
export async function seedDemo(connection: Connection, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const storage = options.storage ?? createLocalStorage({ dataDir: options.storageRoot, bucket: SLIDES_BUCKET });
  const { demo, acme } = planDemo({ now, scale: options.scale });
  const plans = [demo, acme];
  // Slides render and upload while the rows load; their rows go in last, once hashes are known.
  const storing = Promise.all(plans.map((plan) => storeSlides(storage, plan.slides)));
  storing.catch(() => {}); // awaited in the transaction; this keeps an early failure from going unhandled

  const counts = await connection.runner.transaction(async (tx) => {
    const users: DemoUser[] = [...DEMO_USERS, ACME_USER];
    const userIds = await ensureUsers(tx, users, now);
    const idOf = (user: DemoUser) => userIds.get(user.email.toLowerCase()) ?? null;
    await insertRecords(
      tx,
      "workspaces",
      { id: "uuid", slug: "text", name: "text", timezone: "text", created_at: "timestamptz" },
      plans.map((plan) => ({ ...plan.spec, id: plan.workspaceId, created_at: `${plan.firstDay}T00:00:00Z` })),
    );
    await insertRecords(
      tx,
      "workspace_members",
      { workspace_id: "uuid", user_id: "uuid", role: "member_role" },
      [
        ...DEMO_USERS.map((user) => ({ workspace_id: demo.workspaceId, user_id: idOf(user), role: user.role })),
        { workspace_id: acme.workspaceId, user_id: idOf(ACME_USER), role: ACME_USER.role },
      ],
    );
    const totals: Record<string, number> = { workspaces: plans.length, users: users.length };
    const add = (key: string, n: number) => (totals[key] = (totals[key] ?? 0) + n);
    for (const plan of plans) await insertPlan(tx, plan, now, idOf(DEMO_USERS[0]), add);
    const stored = await storing;
    for (const [index, plan] of plans.entries()) await insertSlides(tx, plan.slides, stored[index] ?? []);
    add("tiktok_slides", plans.reduce((sum, plan) => sum + plan.slides.length, 0));
    return totals;
  }).finally(() => storing.catch(() => {})); // never return while files are still being written
  // The preset periods' medians, as the end of every run stores them.
  for (const plan of plans) await fillPeriodMedians(connection.db, { workspaceId: plan.workspaceId, now });
  return {
    workspaceIds: { demo: demo.workspaceId, acme: acme.workspaceId },
    counts,
    ms: Math.round(performance.now() - started),
  };
}

async function insertPlan(
  tx: SqlRunner,
  plan: WorkspacePlan,
  now: Date,
  adminId: string | null,
  add: (key: string, n: number) => void,
): Promise<void> {
  const { workspaceId } = plan;
  await insertRecords(
    tx,
    "accounts",
    {
      id: "uuid", workspace_id: "uuid", platform: "platform", handle: "text", display_name: "text", profile_url: "text",
      organization: "text", tags: "text[]", is_core: "boolean", active: "boolean", health_status: "health_status",
      last_error_code: "text", last_error_at: "timestamptz", last_success_at: "timestamptz", consecutive_failures: "integer",
      created_at: "timestamptz",
    },
    plan.accounts,
  );
  // One statement: the latest-snapshot trigger rewrites every touched account per statement, and
  // within one transaction each extra row version slows every later foreign-key check.
  await insertSeries(tx, SNAPSHOTS_SQL, plan.series, [now.toISOString()], Infinity);
  await insertRecords(
    tx,
    "tiktok_posts",
    {
      id: "uuid", workspace_id: "uuid", post_id: "text", url: "text", creator: "text", set_id: "text", va: "text",
      post_type: "text", status: "post_status", caption: "text",
      hashtags: "text[]", mentions: "text[]", music_id: "text", music_title: "text", music_author: "text",
      duration_seconds: "double precision", posted_at: "timestamptz", is_slideshow: "boolean", slide_count: "integer",
      author_id: "text", author_unique_id: "text", author_nickname: "text", author_followers: "bigint", views: "bigint",
      likes: "bigint", comments: "bigint", shares: "bigint", saves: "bigint", first_scraped_at: "timestamptz",
      last_scraped_at: "timestamptz", last_error_code: "text", last_error: "text", attempts: "integer", created_at: "timestamptz",
    },
    plan.posts,
  );
  await insertSeries(tx, POST_STATS_SQL, plan.stats);
  const active = plan.accounts.filter((account) => account.active);
  const { runs, logs } = generateJobs(plan.rng("jobs"), {
    workspaceId,
    today: plan.today,
    now,
    adminId,
    activeAccounts: active.length,
    failingAccounts: active.filter((account) => account.health_status === "failing").length,
    posts: plan.posts.length,
    slides: plan.slides.length,
  });
  await insertRecords(
    tx,
    "job_runs",
    {
      id: "uuid", workspace_id: "uuid", kind: "text", status: "job_status", trigger: "job_trigger", progress_done: "integer",
      progress_total: "integer", counters: "jsonb", params: "jsonb", error: "text", engine_run_id: "text",
      triggered_by: "uuid", created_at: "timestamptz", started_at: "timestamptz", finished_at: "timestamptz",
    },
    runs,
  );
  await insertRecords(
    tx,
    "scraping_logs",
    {
      workspace_id: "uuid", job_run_id: "uuid", batch_id: "text", duration_ms: "integer", urls_processed: "integer",
      success_rate: "double precision", errors: "jsonb", platform: "platform", scrape_ms: "integer[]", created_at: "timestamptz",
    },
    logs,
  );
  add("accounts", plan.accounts.length);
  add("account_snapshots", plan.series.reduce((sum, s) => sum + s.o.length, 0));
  add("tiktok_posts", plan.posts.length);
  add("tiktok_post_stats", plan.stats.reduce((sum, s) => sum + s.o.length, 0));
  add("job_runs", runs.length);
  add("scraping_logs", logs.length);
}

async function insertSlides(tx: SqlRunner, slides: readonly SlidePlan[], stored: readonly StoredObject[]): Promise<void> {
  await insertRecords(
    tx,
    "tiktok_slides",
    {
      post_id: "uuid", workspace_id: "uuid", slide_index: "integer", storage_path: "text", width: "integer", height: "integer",
      bytes: "integer", sha256: "text", content_type: "text", source_url: "text", downloaded_at: "timestamptz",
    },
    slides.map((slide, index) => ({
      post_id: slide.postRowId,
      workspace_id: slide.workspaceId,
      slide_index: slide.index,
      storage_path: stored[index]?.path,
      width: slide.design.width,
      height: slide.design.height,
      bytes: stored[index]?.bytes,
      sha256: stored[index]?.sha256,
      content_type: "image/png",
      source_url: slide.sourceUrl,
      downloaded_at: slide.downloadedAt,
    })),
  );
}

/** Seeds on the first start of an empty database; any workspace means someone already has data. */
export async function seedDemoIfEmpty(connection: Connection, options: SeedDemoOptions): Promise<SeedDemoResult | null> {
  const [row] = await connection.runner.query<{ found: boolean }>("select exists (select 1 from public.workspaces) as found");
  if (row?.found) return null;
  const result = await seedDemo(connection, options);
  logger.info({ ms: Math.round(result.ms) }, "seeded the demo workspaces");
  return result;
}
