import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { sheetSources } from "@/lib/db/schema";
import { lockWorkspaceRollups } from "@/lib/db/workspace-rollup-lock";
import { AppError } from "@/lib/errors";
import type { ScraperContext } from "@/lib/scrapers/context";
import { toScrapeError, type ScrapeErrorCode } from "@/lib/scrapers/errors";
import { canonicalPostUrl } from "@/lib/scrapers/platforms/tiktok/post-url";
import { resolveTiktokShortLink } from "@/lib/scrapers/platforms/tiktok/post";
import type { SheetRow } from "@/lib/sheets/sheet-row";
import { emptySheetsCounters, type SheetsClient } from "@/lib/sheets/sheets-client";
import { readReadyRows } from "@/lib/sheets/read-ready-rows";
import { writeBackByKey, type KeyedResult } from "@/lib/sheets/write-back";
import { listSheets } from "@/lib/services/sheets/list-sheets";
import { toSheetSourceConfig, type SheetSourceView } from "@/lib/services/sheets/sheet-source-view";
import { failureReason } from "./failure-reason";
import type { SyncInput, SyncResult } from "./pipeline-stages";

export interface SheetStageDeps {
  sheets(): Promise<SheetsClient>;
  scraper(): ScraperContext;
  /** Rows per read; bounded so a 50,000-row sheet never sits in memory at once. */
  pageSize?: number;
}

type FailedRow = KeyedResult & { code: ScrapeErrorCode };

interface PostRow {
  postId: string;
  url: string;
  row: SheetRow;
  sheetUrls: string[];
}

// A post named by two rows (or by a short link and its full URL) is one post; the first row wins.
function merge(rows: PostRow[]): PostRow[] {
  const byPost = new Map<string, PostRow>();
  for (const row of rows) {
    const seen = byPost.get(row.postId);
    if (seen) seen.sheetUrls = [...new Set([...seen.sheetUrls, ...row.sheetUrls])];
    else byPost.set(row.postId, { ...row, sheetUrls: [...row.sheetUrls] });
  }
  return [...byPost.values()];
}

async function resolveRows(rows: SheetRow[], ctx: ScraperContext): Promise<{ posts: PostRow[]; failed: Map<string, FailedRow>; unresolved: string[] }> {
  const failed = new Map<string, FailedRow>();
  const unresolved: string[] = [];
  const resolved = await Promise.all(
    rows.map(async (row): Promise<PostRow | null> => {
      if (row.ref.kind === "post") return { postId: row.ref.id, url: canonicalPostUrl(row.ref.user, row.ref.id), row, sheetUrls: [row.url] };
      try {
        const ref = await resolveTiktokShortLink(row.ref.url, ctx);
        return { postId: ref.id, url: canonicalPostUrl(ref.user, ref.id), row, sheetUrls: [row.url] };
      } catch (error) {
        const scrapeError = toScrapeError(error);
        // A short link TikTok did not answer today (after the client's own retries) stays ready in the sheet for the next run.
        if (scrapeError.retryable) return unresolved.push(scrapeError.code), null;
        failed.set(row.key, { url: row.url, code: scrapeError.code, result: { outcome: "failed", reason: failureReason(scrapeError) } });
        return null;
      }
    }),
  );
  return { posts: resolved.filter((post): post is PostRow => post !== null), failed, unresolved };
}

async function upsertPosts(db: Db, workspaceId: string, source: SheetSourceView, posts: PostRow[]): Promise<string[]> {
  if (posts.length === 0) return [];
  const values = sql.join(
    posts.map((post) => sql`(${workspaceId}::uuid, ${post.postId}, ${post.url}, ${post.row.creator}, ${post.row.set}, ${post.row.va}, ${post.row.type}, ${source.id}, ${post.row.rowNumber}::int, array(select jsonb_array_elements_text(${JSON.stringify(post.sheetUrls)}::jsonb)))`),
    sql`, `,
  );
  // The sheet is the system of record for who posted what; a post moving to another sheet takes that
  // sheet's URLs. The rollups' lock comes first, before the insert's foreign key locks the workspace's row.
  const rows = await db.transaction(async (tx) => {
    await lockWorkspaceRollups(tx, workspaceId);
    const upserted = await tx.execute(sql`
      insert into tiktok_posts (workspace_id, post_id, url, creator, set_id, va, post_type, sheet_source, sheet_row, sheet_urls)
      values ${values}
      on conflict (workspace_id, post_id) do update set
        creator = excluded.creator, set_id = excluded.set_id, va = excluded.va, post_type = excluded.post_type,
        sheet_row = excluded.sheet_row, sheet_source = excluded.sheet_source,
        sheet_urls = case when tiktok_posts.sheet_source is distinct from excluded.sheet_source then excluded.sheet_urls
          else array(select distinct unnest(tiktok_posts.sheet_urls || excluded.sheet_urls)) end,
        updated_at = now()
      returning id`);
    return rowsOf<{ id: string }>(upserted);
  });
  return rows.map((row) => row.id);
}

async function syncSource(input: SyncInput, client: SheetsClient, deps: SheetStageDeps, source: SheetSourceView, result: SyncResult, ids: Set<string>) {
  const config = toSheetSourceConfig(source);
  for await (const page of readReadyRows(client, config, { pageSize: deps.pageSize })) {
    result.rowsRead += page.rowsRead;
    result.rowsReady += page.ready.length + page.invalid.length;
    const { posts, failed, unresolved } = await resolveRows(page.ready, deps.scraper());
    result.unresolvedRows += unresolved.length;
    for (const code of unresolved) result.errors[code] = (result.errors[code] ?? 0) + 1;
    for (const row of page.invalid) failed.set(row.key, { url: row.url, code: "invalid_input", result: { outcome: "failed", reason: row.reason } });
    for (const id of await upsertPosts(input.db, input.workspaceId, source, merge(posts))) ids.add(id);
    if (failed.size > 0) {
      result.invalidRows += failed.size;
      for (const { code } of failed.values()) result.errors[code] = (result.errors[code] ?? 0) + 1;
      result.writeRequests += (await writeBackByKey(client, config, failed)).writeRequests;
    }
  }
  await input.db.update(sheetSources).set({ lastSyncedAt: input.now, lastError: null }).where(and(eq(sheetSources.id, source.id), eq(sheetSources.workspaceId, input.workspaceId)));
}

/**
 * The sync stage: each connected sheet's ready rows, a page at a time, upserted as posts on
 * (workspace, post id). Rows that cannot be a post (another site, a dead short link, a cell too
 * long) are marked failed in the sheet at once, since no later stage will see them. A sheet that
 * cannot be opened is recorded on its source and counted as failed; the run goes on with the others.
 */
export async function syncSheetPosts(deps: SheetStageDeps, input: SyncInput): Promise<SyncResult> {
  const result: SyncResult = { postIds: [], rowsRead: 0, rowsReady: 0, writeRequests: 0, readRequests: 0, rateLimited: 0, invalidRows: 0, unresolvedRows: 0, sheetErrors: 0, errors: {} };
  const sources = (await listSheets(input.db, input.workspaceId)).filter((source) => !input.sheetSourceId || source.id === input.sheetSourceId);
  if (sources.length === 0) return result;
  const tally = emptySheetsCounters();
  const client = (await deps.sheets()).tallied(tally);
  const ids = new Set<string>();
  for (const source of sources) {
    try {
      await syncSource(input, client, deps, source, result, ids);
    } catch (error) {
      // A sheet that cannot be read (gone, unshared, its URL column renamed) fails alone; the others still run.
      if (!(error instanceof AppError) || error.retryable) throw error;
      result.sheetErrors += 1;
      result.errors[`sheet_${error.code}`] = (result.errors[`sheet_${error.code}`] ?? 0) + 1;
      await input.db.update(sheetSources).set({ lastError: error.message.slice(0, 500) }).where(and(eq(sheetSources.id, source.id), eq(sheetSources.workspaceId, input.workspaceId)));
    }
  }
  result.postIds = [...ids];
  result.readRequests = tally.readRequests;
  result.rateLimited = tally.rateLimited;
  return result;
}
