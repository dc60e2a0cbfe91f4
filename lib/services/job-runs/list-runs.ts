import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { decodeCursor, keysetPage, type Page, type PageQuery } from "@/lib/api/cursor";
import type { Db } from "@/lib/db/client";
import { jobRuns, profiles } from "@/lib/db/schema";
import type { JobStatus } from "@/lib/domain/job-status";

export interface RunView {
  id: string;
  kind: string;
  status: JobStatus;
  trigger: "cron" | "manual" | "event";
  progressDone: number;
  progressTotal: number | null;
  counters: Record<string, number>;
  params: Record<string, unknown>;
  error: string | null;
  triggeredBy: { id: string; name: string | null } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const columns = {
  id: jobRuns.id,
  kind: jobRuns.kind,
  status: jobRuns.status,
  trigger: jobRuns.trigger,
  progressDone: jobRuns.progressDone,
  progressTotal: jobRuns.progressTotal,
  counters: jobRuns.counters,
  params: jobRuns.params,
  error: jobRuns.error,
  triggeredBy: jobRuns.triggeredBy,
  triggeredByName: profiles.displayName,
  createdAt: jobRuns.createdAt,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
};

function toView({ triggeredBy, triggeredByName, createdAt, startedAt, finishedAt, ...row }: Awaited<ReturnType<typeof select>>[number]): RunView {
  return {
    ...row,
    triggeredBy: triggeredBy ? { id: triggeredBy, name: triggeredByName } : null,
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
  };
}

const select = (db: Db) => db.select(columns).from(jobRuns).leftJoin(profiles, eq(profiles.userId, jobRuns.triggeredBy));

/** The Jobs page: every kind of run, newest first, with who started it (JSON-ready for polling). */
export async function listRuns(db: Db, { workspaceId, limit = 50 }: { workspaceId: string; limit?: number }): Promise<RunView[]> {
  const rows = await select(db).where(eq(jobRuns.workspaceId, workspaceId)).orderBy(desc(jobRuns.createdAt), desc(jobRuns.id)).limit(limit);
  return rows.map(toView);
}

// Milliseconds, as the cursor carries them: microseconds would make rows between two cursor values vanish.
const msOf = sql`date_trunc('milliseconds', ${jobRuns.createdAt})`;

/** The API's page of runs, newest first, by keyset on (created_at, id). */
export async function pageRuns(db: Db, { workspaceId, query }: { workspaceId: string; query: PageQuery }): Promise<Page<RunView>> {
  const filters = [eq(jobRuns.workspaceId, workspaceId)];
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
    const when = createdAt;
    filters.push(sql`(${msOf}, ${jobRuns.id}) < (${when}::timestamptz, ${id}::uuid)`);
  }
  const rows = await select(db).where(and(...filters)).orderBy(desc(msOf), desc(jobRuns.id)).limit(query.limit + 1);
  return keysetPage(rows.map(toView), query.limit, (run) => [run.createdAt, run.id]);
}

export async function getRun(db: Db, { workspaceId, runId }: { workspaceId: string; runId: string }): Promise<RunView | null> {
  const [row] = await select(db).where(and(eq(jobRuns.workspaceId, workspaceId), eq(jobRuns.id, runId)));
  return row ? toView(row) : null;
}
