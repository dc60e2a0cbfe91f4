import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { accounts, workspaces } from "@/lib/db/schema";
import type { Platform } from "@/lib/domain/platforms";
import type { ScraperConfigInput } from "@/lib/scrapers/config";
import { KNOWN_POSTS_ONLY } from "@/lib/services/posts/pipeline-stages";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { FixtureServerOptions } from "@/tests/scrapers/fixture-server";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";
import { createTestDatabase, type Engine, type TestDatabase } from "@/tests/db-harness";
import type { JobDeps } from "@/lib/jobs/job-deps";

export interface ScenarioAccount {
  platform: Platform;
  handle: string;
  isCore?: boolean;
}

export interface SnapshotScenario {
  database: TestDatabase;
  db: Db;
  scraper: TestScraper;
  workspaceId: string;
  /** handle → account id */
  ids: Record<string, string>;
  deps: JobDeps;
  snapshotCount(): Promise<number>;
  close(): Promise<void>;
}

/** A migrated database with one workspace and its accounts, a fixture server, and job deps wired to both. */
export async function createSnapshotScenario(
  engine: Engine,
  list: ScenarioAccount[],
  options: { scraper?: ScraperConfigInput; server?: FixtureServerOptions; database?: TestDatabase } = {},
): Promise<SnapshotScenario> {
  const database = options.database ?? (await createTestDatabase(engine));
  const db = database.connection.db;
  // A generous timeout: on a loaded machine a 2 s one turns a fixture answer into a retry.
  const scraper = await startTestScraper({ timeoutMs: 15_000, ...options.scraper }, options.server);
  const [workspace] = await db
    .insert(workspaces)
    .values({ slug: `ws-${randomUUID().slice(0, 8)}`, name: "Scenario", timezone: "Europe/Paris" })
    .returning({ id: workspaces.id });
  if (!workspace) throw new Error("no workspace");
  const rows = list.length
    ? await db
        .insert(accounts)
        .values(list.map((account) => ({ workspaceId: workspace.id, platform: account.platform, handle: account.handle, isCore: account.isCore ?? false })))
        .returning({ id: accounts.id, handle: accounts.handle })
    : [];
  return {
    database,
    db,
    scraper,
    workspaceId: workspace.id,
    ids: Object.fromEntries(rows.map((row) => [row.handle, row.id])),
    deps: {
      withDb: (fn) => fn(db),
      scraper: () => scraper.ctx,
      storage: () => createLocalStorage({ dataDir: path.join(tmpdir(), `reach-scenario-${workspace.id}`), bucket: "slides" }),
      postStages: KNOWN_POSTS_ONLY,
      now: () => new Date(),
      snapshotLocalTime: null,
      retryBackoffMs: () => 1,
    },
    async snapshotCount() {
      const [row] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from account_snapshots where workspace_id = ${workspace.id}`));
      return Number(row?.n ?? 0);
    },
    async close() {
      await scraper.close();
      if (!options.database) await database.drop();
    },
  };
}
