import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

export interface RetentionPolicy {
  /** Days raw scraping logs are kept; null keeps them forever. */
  scrapingLogDays: number | null;
  /** Days audit entries are kept; null keeps them forever. */
  auditLogDays: number | null;
}

async function pruneBefore(db: Db, table: "scraping_logs" | "audit_log", column: "created_at" | "at", cutoff: Date): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`with gone as (delete from ${sql.identifier(table)} where ${sql.identifier(column)} < ${cutoff.toISOString()}::timestamptz returning 1) select count(*)::int as n from gone`),
  );
  return Number(rows[0]?.n ?? 0);
}

/** Service path, from the daily retention job: deletes what is older than the configured periods. */
export async function pruneOldRecords(db: Db, input: RetentionPolicy & { now: Date }): Promise<{ scrapingLogs: number; auditLog: number }> {
  const cutoff = (days: number) => new Date(input.now.getTime() - days * 86_400_000);
  return {
    scrapingLogs: input.scrapingLogDays === null ? 0 : await pruneBefore(db, "scraping_logs", "created_at", cutoff(input.scrapingLogDays)),
    auditLog: input.auditLogDays === null ? 0 : await pruneBefore(db, "audit_log", "at", cutoff(input.auditLogDays)),
  };
}
