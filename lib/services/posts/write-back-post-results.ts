import { emptySheetsCounters } from "@/lib/sheets/sheets-client";
import { sheetPostKey } from "@/lib/sheets/sheet-row";
import { writeBackByKey, type KeyedResult } from "@/lib/sheets/write-back";
import { listSheets } from "@/lib/services/sheets/list-sheets";
import { toSheetSourceConfig } from "@/lib/services/sheets/sheet-source-view";
import type { PostResult, SheetsUsage, WriteBackInput } from "./pipeline-stages";
import type { SheetStageDeps } from "./sync-sheet-posts";

function toSheetResult(post: PostResult): KeyedResult["result"] {
  if (post.status === "failed") return { outcome: "failed", reason: post.reason ?? "unknown error" };
  return {
    outcome: "done",
    metrics: { views: post.views, likes: post.likes, comments: post.comments, shares: post.shares, saves: post.saves, slides: post.slideCount },
    scrapedAt: post.lastScrapedAt ? new Date(post.lastScrapedAt) : undefined,
  };
}

/**
 * The write-back stage: each post's result goes to every row of its sheet that names it (by any of
 * the URLs it was read from), found again right before the write. Posts from no sheet, or from a
 * sheet since disconnected, are left alone.
 */
export async function writeBackPostResults(deps: SheetStageDeps, input: WriteBackInput): Promise<SheetsUsage> {
  const bySource = new Map<string, Map<string, KeyedResult>>();
  for (const post of input.results) {
    if (!post.sheetSource) continue;
    const entries = bySource.get(post.sheetSource) ?? new Map<string, KeyedResult>();
    for (const url of post.sheetUrls.length > 0 ? post.sheetUrls : [post.url]) entries.set(sheetPostKey(url), { url, result: toSheetResult(post) });
    bySource.set(post.sheetSource, entries);
  }
  if (bySource.size === 0) return { readRequests: 0, writeRequests: 0, rateLimited: 0 };
  const sources = new Map((await listSheets(input.db, input.workspaceId)).map((source) => [source.id, source]));
  const tally = emptySheetsCounters();
  const client = (await deps.sheets()).tallied(tally);
  let writeRequests = 0;
  for (const [sourceId, entries] of bySource) {
    const source = sources.get(sourceId);
    if (source) writeRequests += (await writeBackByKey(client, toSheetSourceConfig(source), entries)).writeRequests;
  }
  return { readRequests: tally.readRequests, writeRequests, rateLimited: tally.rateLimited };
}
