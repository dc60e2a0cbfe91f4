import type { Db } from "@/lib/db/client";

/**
 * The seams of a post pipeline run: sync → scrape batches → slides → write back. Scrape and slides
 * live here; sync (read a sheet, upsert its ready rows as tiktok_posts) and write back (results
 * into the sheet) are plugged in through these two functions. Both run inside job steps, so they
 * must be idempotent: an engine may run a step again after its effects landed.
 */
export interface SyncInput {
  db: Db;
  workspaceId: string;
  runId: string;
  /** Only this sheet source's rows when the run was started for one sheet. */
  sheetSourceId?: string;
  now: Date;
}

export interface SyncResult {
  /** tiktok_posts ids the sync upserted as ready: scraped by this run even past the refresh window. */
  postIds: string[];
  rowsRead: number;
  rowsReady: number;
  /** Ready rows that cannot be a post (another site, a dead short link, a cell too long), marked failed in the sheet. */
  invalidRows: number;
  /** Short links TikTok did not answer (a retryable error): counted as failed, left ready in the sheet. */
  unresolvedRows: number;
  /** Connected sheets that could not be read (not found, unshared, no URL column); each counts as one failure. */
  sheetErrors: number;
  /** Invalid rows by scraper error code and unreadable sheets by `sheet_<code>`, counted with the run's failures. */
  errors: Record<string, number>;
  writeRequests: number;
  /** Sheets API reads, and 429 RESOURCE_EXHAUSTED answers (each retried), for the System health page. */
  readRequests: number;
  rateLimited: number;
}

export type SyncPosts = (input: SyncInput) => Promise<SyncResult>;

/** One post's outcome after its batch (JSON-safe), what write back puts into the sheet's row(s). */
export interface PostResult {
  /** tiktok_posts.id */
  id: string;
  postId: string;
  url: string;
  sheetSource: string | null;
  sheetRow: number | null;
  status: "scraped" | "failed";
  errorCode: string | null;
  /** Plain language ("private post"), null when scraped. */
  reason: string | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  slideCount: number | null;
  slidesStored: number;
  lastScrapedAt: string | null;
  /** The URL cells the post was read from (a short link and its full URL are one post); empty when it came from no sheet. */
  sheetUrls: string[];
}

export interface WriteBackInput {
  db: Db;
  workspaceId: string;
  runId: string;
  batchId: string;
  results: PostResult[];
  now: Date;
}

/** What a stage asked of the Sheets API; 429 RESOURCE_EXHAUSTED answers are each retried. */
export interface SheetsUsage {
  readRequests: number;
  writeRequests: number;
  rateLimited: number;
}

export type WriteBackResults = (input: WriteBackInput) => Promise<SheetsUsage>;

export interface PostPipelineStages {
  sync: SyncPosts;
  writeBack: WriteBackResults;
}

/** Until a sheet is plugged in: the run works over the posts already in tiktok_posts, and writes nowhere. */
export const KNOWN_POSTS_ONLY: PostPipelineStages = {
  sync: async () => ({ postIds: [], rowsRead: 0, rowsReady: 0, invalidRows: 0, unresolvedRows: 0, sheetErrors: 0, errors: {}, writeRequests: 0, readRequests: 0, rateLimited: 0 }),
  writeBack: async () => ({ readRequests: 0, writeRequests: 0, rateLimited: 0 }),
};
