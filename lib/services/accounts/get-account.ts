import { and, asc, between, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts, accountSnapshots } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const isoDate = z.iso.date();

/**
 * ?from=YYYY-MM-DD&to=YYYY-MM-DD, both optional, at most 3 years: by default the 90 days up to
 * tomorrow in UTC, since snapshots are dated in the workspace's timezone, up to 14 hours ahead of UTC.
 */
export const accountHistoryQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .transform(({ from, to }) => {
    const end = to ?? isoDay(new Date(Date.now() + DAY_MS));
    return { from: from ?? isoDay(new Date(Date.parse(end) - 89 * DAY_MS)), to: end };
  })
  .refine(({ from, to }) => from <= to, "`from` must not be after `to`.")
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= 3 * 366 * DAY_MS, "The range is longer than 3 years.");
export type AccountHistoryQuery = z.infer<typeof accountHistoryQuerySchema>;

export interface AccountSnapshotRow {
  date: string;
  followers: number | null;
  following: number | null;
  posts: number | null;
  likes: number | null;
  approximate: boolean;
  source: "api" | "html" | "browser";
  scrapedAt: string;
  /** Kept and shown, left out of growth figures (docs/data-quality.md). */
  suspectReason: string | null;
}

export interface AccountDetail {
  id: string;
  platform: (typeof accounts.$inferSelect)["platform"];
  handle: string;
  displayName: string | null;
  profileUrl: string | null;
  organization: string | null;
  tags: string[];
  isCore: boolean;
  active: boolean;
  healthStatus: "unknown" | "healthy" | "failing";
  lastErrorCode: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  createdAt: string;
  history: { from: string; to: string; snapshots: AccountSnapshotRow[] };
}

/** One account and its snapshots in a date range, through the caller's RLS: someone else's account is not found. */
export async function getAccount(db: Db, { workspaceId, accountId, range }: { workspaceId: string; accountId: string; range: AccountHistoryQuery }): Promise<AccountDetail> {
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
  if (!account) throw new AppError("not_found", "No such account.");
  const snapshots = await db
    .select({
      date: accountSnapshots.snapshotDate,
      followers: accountSnapshots.followers,
      following: accountSnapshots.following,
      posts: accountSnapshots.posts,
      likes: accountSnapshots.likes,
      approximate: accountSnapshots.approximate,
      source: accountSnapshots.source,
      scrapedAt: accountSnapshots.scrapedAt,
      suspectReason: accountSnapshots.suspectReason,
    })
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.accountId, accountId), eq(accountSnapshots.workspaceId, workspaceId), between(accountSnapshots.snapshotDate, range.from, range.to)))
    .orderBy(asc(accountSnapshots.snapshotDate));
  return {
    id: account.id,
    platform: account.platform,
    handle: account.handle,
    displayName: account.displayName,
    profileUrl: account.profileUrl,
    organization: account.organization,
    tags: account.tags,
    isCore: account.isCore,
    active: account.active,
    healthStatus: account.healthStatus,
    lastErrorCode: account.lastErrorCode,
    lastErrorAt: account.lastErrorAt?.toISOString() ?? null,
    lastSuccessAt: account.lastSuccessAt?.toISOString() ?? null,
    consecutiveFailures: account.consecutiveFailures,
    createdAt: account.createdAt.toISOString(),
    history: { from: range.from, to: range.to, snapshots: snapshots.map((row) => ({ ...row, scrapedAt: row.scrapedAt.toISOString() })) },
  };
}
