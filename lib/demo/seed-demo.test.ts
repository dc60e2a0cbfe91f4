import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "@/lib/domain/local-time";
import { PLATFORMS, type Platform } from "@/lib/domain/platforms";
import { SCRAPE_ERROR_CODES } from "@/lib/scrapers/errors";
import { extractHandle } from "@/lib/scrapers/handles";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { addDays } from "@/lib/domain/calendar";
import { resetDemo } from "./reset-demo";
import { ACME_USER, DEMO_USERS, planDemo, SLIDES_BUCKET, seedDemo, seedDemoIfEmpty, type SeedDemoResult } from "./seed-demo";
import { env } from "@/lib/env";

// A fixed "now" makes two seeds comparable; the demo's dates are relative to it.
const NOW = new Date("2026-03-15T15:30:00Z");
const TODAY = localDate("America/New_York", NOW);
const SCALE = 0.1;

async function one<T extends Record<string, unknown>>(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await runner.query<T>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

/** What must not change between two seeds of two fresh databases. */
async function fingerprint(runner: SqlRunner) {
  return {
    handles: (await runner.query<{ h: string }>("select platform || ':' || handle as h from accounts order by 1")).map((r) => r.h),
    snapshots: await one(
      runner,
      `select count(*)::int as rows, sum(followers)::text as followers, sum(following)::text as following,
              sum(posts)::text as posts, sum(likes)::text as likes, count(*) filter (where approximate)::int as approximate,
              min(snapshot_date)::text as first, max(snapshot_date)::text as last
       from account_snapshots`,
    ),
    posts: (await runner.query<{ p: string }>("select post_id || ':' || status || ':' || coalesce(views, -1) as p from tiktok_posts order by 1")).map((r) => r.p),
    stats: await one(runner, "select count(*)::int as rows, sum(views)::text as views from tiktok_post_stats"),
    slides: (await runner.query<{ s: string }>("select storage_path || ':' || sha256 as s from tiktok_slides order by 1")).map((r) => r.s),
  };
}

describe.each(ENGINES)("demo seed on %s", (engine) => {
  let db: TestDatabase;
  let storageRoot: string;
  let result: SeedDemoResult;
  let runner: SqlRunner;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    runner = db.connection.runner;
    storageRoot = await mkdtemp(path.join(tmpdir(), "reach-seed-"));
    const seeded = await seedDemoIfEmpty(db.connection, { storageRoot, now: NOW, scale: SCALE });
    if (!seeded) throw new Error("an empty database was not seeded");
    result = seeded;
  });
  afterAll(async () => {
    await db?.drop();
    await rm(storageRoot, { recursive: true, force: true });
  });

  it("creates the two workspaces, the demo users with their roles and bcrypt passwords", async () => {
    const workspaces = await runner.query<{ slug: string; name: string; timezone: string }>(
      "select slug, name, timezone from workspaces order by slug",
    );
    expect(workspaces.map((w) => w.slug)).toEqual(["acme", "demo"]);
    expect(workspaces[1]).toEqual({ slug: "demo", name: "Demo Agency", timezone: "America/New_York" });
    const members = await runner.query<{ email: string; slug: string; role: string; hash: string; display_name: string | null }>(
      `select u.email, w.slug, m.role::text as role, u.encrypted_password as hash, p.display_name
       from workspace_members m join auth.users u on u.id = m.user_id join workspaces w on w.id = m.workspace_id
       left join profiles p on p.user_id = u.id order by u.email`,
    );
    expect(members.map((m) => [m.email, m.slug, m.role])).toEqual(
      [...DEMO_USERS.map((u) => [u.email, "demo", u.role]), [ACME_USER.email, "acme", "admin"]].sort(),
    );
    for (const user of DEMO_USERS) {
      const member = members.find((m) => m.email === user.email);
      // The configured cost (10 in production, lowered for the suite), as Supabase's format writes it.
      expect(member?.hash).toMatch(new RegExp(`^\\$2[aby]\\$${String(env.BCRYPT_COST).padStart(2, "0")}\\$`));
      expect(await bcrypt.compare(user.password, member?.hash ?? "")).toBe(true);
      expect(member?.display_name).toBe(user.displayName);
    }
  });

  it("reports what it inserted", async () => {
    const tables = ["accounts", "account_snapshots", "tiktok_posts", "tiktok_post_stats", "tiktok_slides", "job_runs", "scraping_logs"];
    for (const table of tables) {
      const { n } = await one<{ n: number }>(runner, `select count(*)::int as n from ${table}`);
      expect(n, table).toBe(result.counts[table]);
    }
  });

  it("gives the demo workspace accounts with canonical handles and months of daily history", async () => {
    const demo = result.workspaceIds.demo;
    const accounts = await runner.query<{ platform: Platform; handle: string; profile_url: string }>(
      "select platform::text as platform, handle, profile_url from accounts where workspace_id = $1",
      [demo],
    );
    expect(accounts.length).toBe(Math.round(300 * SCALE));
    for (const { platform, handle, profile_url } of accounts) {
      expect(handle, handle).toBe(handle.toLowerCase());
      if (platform === "mastodon") expect(handle).toMatch(/^[a-z0-9_]+@[a-z0-9.-]+\.[a-z]+$/);
      else expect(handle).not.toContain("@");
      // The scrapers' canonicalizer agrees with the stored handle and URL.
      expect(extractHandle(platform, handle)).toBe(handle);
      expect(extractHandle(platform, profile_url)).toBe(handle);
    }
    const span = await one<{ first: string; last: string }>(
      runner,
      "select min(snapshot_date)::text as first, max(snapshot_date)::text as last from account_snapshots where workspace_id = $1",
      [demo],
    );
    expect(span).toEqual({ first: addDays(TODAY, -547), last: TODAY });
    const mismatched = await one<{ n: number }>(
      runner,
      "select count(*)::int as n from account_snapshots s join accounts a on a.id = s.account_id where a.workspace_id <> s.workspace_id",
    );
    expect(mismatched.n).toBe(0);
  });

  it("stores not-reported metrics as null, never 0, and flags rounded figures as approximate", async () => {
    const byPlatform = await runner.query<{ platform: string; following: number; following_zero: number; likes: number; likes_zero: number; rows: number }>(
      `select a.platform::text as platform, count(*)::int as rows,
              count(s.following)::int as following, count(*) filter (where s.following = 0)::int as following_zero,
              count(s.likes)::int as likes, count(*) filter (where s.likes = 0)::int as likes_zero
       from account_snapshots s join accounts a on a.id = s.account_id group by 1`,
    );
    for (const row of byPlatform) {
      if (["youtube", "linkedin", "facebook"].includes(row.platform)) expect([row.following, row.following_zero], row.platform).toEqual([0, 0]);
      if (!["tiktok", "facebook"].includes(row.platform)) expect([row.likes, row.likes_zero], row.platform).toEqual([0, 0]);
    }
    const nulls = await one<{ likes: number; following: number }>(
      runner,
      "select count(*) filter (where likes is null)::int as likes, count(*) filter (where following is null)::int as following from account_snapshots",
    );
    expect(nulls.likes).toBeGreaterThan(0);
    expect(nulls.following).toBeGreaterThan(0);
    const approximate = await runner.query<{ followers: string; granularity: string }>(
      "select followers::text, extra->>'granularity' as granularity from account_snapshots where approximate",
    );
    expect(approximate.length).toBeGreaterThan(0);
    for (const row of approximate.slice(0, 500)) {
      expect(BigInt(row.followers) % BigInt(row.granularity)).toBe(0n);
    }
  });

  it("has gaps, failing accounts and health fields, and keeps the latest-snapshot columns current", async () => {
    const failing = await runner.query<{ last_error_code: string | null; consecutive_failures: number; last: string | null }>(
      `select a.last_error_code, a.consecutive_failures, (select max(snapshot_date)::text from account_snapshots s where s.account_id = a.id) as last
       from accounts a where a.health_status = 'failing'`,
    );
    expect(failing.length).toBeGreaterThanOrEqual(2);
    for (const account of failing) {
      expect(Object.keys(SCRAPE_ERROR_CODES)).toContain(account.last_error_code);
      expect(account.consecutive_failures).toBeGreaterThan(0);
      expect(account.last).toBe(addDays(TODAY, -account.consecutive_failures));
    }
    const healthy = await one<{ n: number; without_success: number }>(
      runner,
      "select count(*)::int as n, count(*) filter (where last_success_at is null)::int as without_success from accounts where health_status = 'healthy'",
    );
    expect(healthy.n).toBeGreaterThan(failing.length * 3);
    expect(healthy.without_success).toBe(0);
    const gaps = await one<{ n: number }>(
      runner,
      `select count(*)::int as n from (select account_id from account_snapshots group by account_id
       having count(*) < max(snapshot_date) - min(snapshot_date) + 1) g`,
    );
    expect(gaps.n).toBeGreaterThan(0);
    const stale = await one<{ n: number }>(
      runner,
      `select count(*)::int as n from accounts a
       where a.latest_snapshot_date is distinct from (select max(snapshot_date) from account_snapshots s where s.account_id = a.id)`,
    );
    expect(stale.n).toBe(0);
  });

  it("spreads posts over the VAs, creators and sets, with statuses, stats that level off, and slides", async () => {
    const demo = result.workspaceIds.demo;
    const shape = await one<{ posts: number; vas: number; creators: number; sets: number; failed: number; failed_with_code: number; pending: number; slideshows: number }>(
      runner,
      `select count(*)::int as posts, count(distinct va)::int as vas, count(distinct creator)::int as creators,
              count(distinct set_id)::int as sets, count(*) filter (where status = 'failed')::int as failed,
              count(*) filter (where status = 'failed' and last_error_code is not null)::int as failed_with_code,
              count(*) filter (where status = 'pending')::int as pending,
              count(*) filter (where is_slideshow)::int as slideshows
       from tiktok_posts where workspace_id = $1`,
      [demo],
    );
    expect(shape.posts).toBe(Math.round(600 * SCALE));
    expect(shape.vas).toBeGreaterThanOrEqual(6);
    expect(shape.vas).toBeLessThanOrEqual(8);
    expect(shape.creators).toBeLessThanOrEqual(30);
    expect(shape.sets).toBeLessThanOrEqual(60);
    expect(shape.failed_with_code).toBe(shape.failed);
    expect(shape.slideshows).toBeGreaterThan(shape.posts * 0.25);
    const shrinking = await one<{ n: number }>(
      runner,
      `select count(*)::int as n from (select views < lag(views) over (partition by post_id order by date) as down from tiktok_post_stats) s where down`,
    );
    expect(shrinking.n).toBe(0);
    const slideCounts = await runner.query<{ slide_count: number; rows: number }>(
      `select p.slide_count, count(s.id)::int as rows from tiktok_posts p left join tiktok_slides s on s.post_id = p.id
       where p.status = 'scraped' and p.is_slideshow group by p.id, p.slide_count`,
    );
    expect(slideCounts.length).toBeGreaterThan(0);
    for (const post of slideCounts) {
      expect(post.slide_count).toBeGreaterThanOrEqual(3);
      expect(post.slide_count).toBeLessThanOrEqual(12);
      expect(post.rows).toBe(post.slide_count);
    }
  });

  it("writes every slide through the storage layer, where its bytes match the row's hash", async () => {
    const slides = await runner.query<{ storage_path: string; sha256: string; bytes: number; width: number; height: number; content_type: string; workspace_id: string; post_id: string }>(
      `select s.storage_path, s.sha256, s.bytes, s.width, s.height, s.content_type, s.workspace_id::text, p.post_id
       from tiktok_slides s join tiktok_posts p on p.id = s.post_id`,
    );
    const storage = createLocalStorage({ dataDir: storageRoot, bucket: SLIDES_BUCKET });
    for (const slide of slides) {
      expect(slide.storage_path.startsWith(`${slide.workspace_id}/${slide.post_id}/`)).toBe(true);
      expect([slide.width, slide.height, slide.content_type]).toEqual([180, 320, "image/png"]);
      const file = await readFile(path.join(storageRoot, "storage", SLIDES_BUCKET, slide.storage_path));
      expect(file.length).toBe(slide.bytes);
      expect(createHash("sha256").update(file).digest("hex")).toBe(slide.sha256);
      expect(file.subarray(1, 4).toString()).toBe("PNG");
    }
    expect(await storage.get(slides[0]?.storage_path ?? "missing")).not.toBeNull();
  });

  it("records finished job runs, one of them failed, with their batch logs", async () => {
    const runs = await runner.query<{ status: string; finished: boolean; counters: Record<string, number>; logs: number }>(
      `select r.status::text as status, r.finished_at is not null as finished, r.counters,
              (select count(*)::int from scraping_logs l where l.job_run_id = r.id) as logs
       from job_runs r where r.workspace_id = $1`,
      [result.workspaceIds.demo],
    );
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.filter((run) => run.status === "failed")).toHaveLength(1);
    expect(runs.every((run) => run.finished && Object.keys(run.counters).length > 0)).toBe(true);
    expect(runs.some((run) => run.logs > 0)).toBe(true);
  });

  it("is a no-op the second time, and deterministic across fresh databases", async () => {
    const before = await fingerprint(runner);
    expect(await seedDemoIfEmpty(db.connection, { storageRoot, now: NOW, scale: SCALE })).toBeNull();
    expect(await fingerprint(runner)).toEqual(before);

    const other = await createTestDatabase(engine);
    const otherRoot = await mkdtemp(path.join(tmpdir(), "reach-seed-"));
    try {
      await seedDemo(other.connection, { storageRoot: otherRoot, now: NOW, scale: SCALE });
      expect(await fingerprint(other.connection.runner)).toEqual(before);
    } finally {
      await other.drop();
      await rm(otherRoot, { recursive: true, force: true });
    }
  });

  it("resets only the demo workspaces and their files, then seeds again", async () => {
    await runner.query("insert into workspaces (slug, name) values ('keep-me', 'Someone else')");
    const storage = createLocalStorage({ dataDir: storageRoot, bucket: SLIDES_BUCKET });
    const [slide] = await runner.query<{ storage_path: string }>("select storage_path from tiktok_slides limit 1");
    const removed = await resetDemo(db.connection, storage);
    expect(removed.workspaces).toBe(2);
    expect(removed.files).toBe(result.counts.tiktok_slides);
    expect(await storage.get(slide?.storage_path ?? "")).toBeNull();
    const left = await runner.query<{ slug: string }>("select slug from workspaces");
    expect(left).toEqual([{ slug: "keep-me" }]);
    const { n } = await one<{ n: number }>(runner, "select count(*)::int as n from auth.users");
    expect(n).toBe(0);
    await seedDemo(db.connection, { storageRoot, now: NOW, scale: SCALE });
    expect((await runner.query("select 1 from workspaces")).length).toBe(3);
    // Leave the database as the other tests expect it, whatever order they run in.
    await runner.query("delete from workspaces where slug = 'keep-me'");
  });
});

// The full-size demo's shape is the generators' promise, checked on its plan: the insert path is the
// one tested above at a tenth of the size, and every e2e run seeds the full demo into a fresh database.
describe("the full demo plan", () => {
  it("has the promised shape", () => {
    const now = new Date();
    const { demo } = planDemo({ now });
    expect(demo.accounts).toHaveLength(300);
    expect(new Set(demo.accounts.map((account) => account.platform)).size).toBe(PLATFORMS.length);
    const core = demo.accounts.filter((account) => account.is_core).length;
    expect(core).toBeGreaterThanOrEqual(18);
    expect(core).toBeLessThanOrEqual(26);
    expect(demo.accounts.filter((account) => account.health_status === "failing").length).toBeGreaterThanOrEqual(4);
    const snapshots = demo.series.reduce((sum, series) => sum + series.o.length, 0);
    expect(snapshots).toBeGreaterThan(130_000);
    expect(snapshots).toBeLessThan(170_000);
    expect(demo.posts).toHaveLength(600);
    expect(new Set(demo.posts.map((post) => post.va)).size).toBe(8);
    expect(new Set(demo.posts.map((post) => post.creator)).size).toBe(30);
    expect(new Set(demo.posts.map((post) => post.set_id)).size).toBe(60);
    const slideshows = demo.posts.filter((post) => post.post_type === "slideshow").length;
    expect(slideshows).toBeGreaterThan(240);
    expect(slideshows).toBeLessThan(360);
    const oldest = demo.posts.map((post) => localDate("America/New_York", new Date(post.posted_at))).sort()[0];
    expect(oldest! >= addDays(localDate("America/New_York", now), -183)).toBe(true);
    expect(demo.slides.length).toBeGreaterThan(1_500);
  });
});
