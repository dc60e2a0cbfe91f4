import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { jobRuns, tiktokPosts, tiktokSlides, workspaces } from "@/lib/db/schema";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { createLocalRunner, type LocalRunner } from "@/lib/jobs/local-runner";
import type { ScraperConfigInput } from "@/lib/scrapers/config";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";
import { KNOWN_POSTS_ONLY } from "@/lib/services/posts/pipeline-stages";
import { startPostRun } from "@/lib/services/posts/start-post-run";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { Storage } from "@/lib/storage/storage";
import { createTestDatabase, type Engine, type TestDatabase } from "@/tests/db-harness";
import { createDevPosts, type DevPosts } from "./dev-posts";

export interface PostsScenario {
  database: TestDatabase;
  db: Db;
  scraper: TestScraper;
  world: DevPosts;
  storage: Storage;
  workspaceId: string;
  slug: string;
  /** url → tiktok_posts.id */
  ids: Record<string, string>;
  deps: JobDeps;
  addPosts(urls: string[]): Promise<void>;
  /** One run through a fresh local runner, to the end; returns its job_runs row. */
  run(options?: { runner?: (deps: JobDeps) => LocalRunner; start?: () => Promise<{ runId: string; event: Parameters<LocalRunner["send"]>[0] }> }): Promise<typeof jobRuns.$inferSelect>;
  count(table: "tiktok_post_stats" | "tiktok_slides" | "stored_slides"): Promise<number>;
  posts(): Promise<(typeof tiktokPosts.$inferSelect)[]>;
  slides(): Promise<(typeof tiktokSlides.$inferSelect)[]>;
  close(): Promise<void>;
}

/** A migrated database with one workspace and its posts, the fixture server with the dev post world, local storage, and job deps wired to all three. */
export async function createPostsScenario(
  engine: Engine,
  urls: string[],
  options: { scraper?: ScraperConfigInput; database?: TestDatabase; batchSize?: number } = {},
): Promise<PostsScenario> {
  const database = options.database ?? (await createTestDatabase(engine));
  const db = database.connection.db;
  const world = createDevPosts();
  const scraper = await startTestScraper({ timeoutMs: 15_000, ...options.scraper }, { dynamic: world.respond });
  const dataDir = await mkdtemp(path.join(tmpdir(), "reach-posts-"));
  const storage = createLocalStorage({ dataDir, bucket: "slides" });
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const [workspace] = await db.insert(workspaces).values({ slug, name: "Posts", timezone: "Europe/Paris" }).returning({ id: workspaces.id });
  if (!workspace) throw new Error("no workspace");
  const ids: Record<string, string> = {};
  const deps: JobDeps = {
    withDb: (fn) => fn(db),
    scraper: () => scraper.ctx,
    storage: () => storage,
    postStages: KNOWN_POSTS_ONLY,
    now: () => new Date(),
    snapshotLocalTime: null,
    retryBackoffMs: () => 1,
    postBatchSize: options.batchSize,
  };
  const scenario: PostsScenario = {
    database,
    db,
    scraper,
    world,
    storage,
    workspaceId: workspace.id,
    slug,
    ids,
    deps,
    async addPosts(list) {
      if (list.length === 0) return;
      const rows = await db
        .insert(tiktokPosts)
        .values(list.map((url, index) => ({ workspaceId: workspace.id, postId: /\/(?:video|photo)\/(\d+)/.exec(url)?.[1] ?? `unparsed-${randomUUID()}`, url, sheetRow: index + 2 })))
        .returning({ id: tiktokPosts.id, url: tiktokPosts.url });
      for (const row of rows) ids[row.url] = row.id;
    },
    async run(runOptions = {}) {
      const runner = runOptions.runner?.(deps) ?? createLocalRunner({ definitions: createJobDefinitions(deps), retryBaseMs: 1, log: () => {} });
      const started = await (runOptions.start?.() ?? startPostRun(db, { workspaceId: workspace.id, trigger: "manual", now: new Date() }));
      await runner.send(started.event);
      await runner.idle();
      const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, started.runId));
      return row!;
    },
    async count(table) {
      const query =
        table === "stored_slides"
          ? sql`select count(*) as n from tiktok_slides where workspace_id = ${workspace.id} and storage_path is not null`
          : sql`select count(*) as n from ${sql.identifier(table)} where workspace_id = ${workspace.id}`;
      const [row] = rowsOf<{ n: string | number }>(await db.execute(query));
      return Number(row?.n ?? 0);
    },
    posts: () => db.select().from(tiktokPosts).where(eq(tiktokPosts.workspaceId, workspace.id)),
    slides: () => db.select().from(tiktokSlides).where(eq(tiktokSlides.workspaceId, workspace.id)),
    async close() {
      await scraper.close();
      await rm(dataDir, { recursive: true, force: true });
      if (!options.database) await database.drop();
    },
  };
  await scenario.addPosts(urls);
  return scenario;
}
