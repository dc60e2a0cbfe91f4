import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/lib/db/rows";
import { localDate } from "@/lib/domain/local-time";
import { defineRuleKind, type AlertCandidate } from "../rule-kind";

/**
 * A run of the last 24 hours that failed, or that took more than `slowFactor` times the median
 * duration of the 20 completed runs of its kind before it (at least 3 of them).
 */
export const runProblem = defineRuleKind({
  params: z.object({ slowFactor: z.number().min(1.5).max(50).default(3) }),
  async evaluate(db, { workspaceId, slug, timezone, now, params }) {
    const rows = rowsOf<{ id: string; kind: string; status: string; finished_at: Date | string; duration_ms: number | string | null; median_ms: number | string | null; history: number | string; error: string | null }>(
      await db.execute(sql`
        select r.id, r.kind, r.status::text as status, r.finished_at, r.error,
          extract(epoch from r.finished_at - r.started_at) * 1000 as duration_ms, h.median_ms, h.history
        from job_runs r
        cross join lateral (
          select percentile_cont(0.5) within group (order by extract(epoch from p.finished_at - p.started_at) * 1000) as median_ms, count(*) as history
          from (select started_at, finished_at from job_runs
                where workspace_id = r.workspace_id and kind = r.kind and status in ('succeeded', 'partial') and started_at is not null
                  and finished_at < r.finished_at order by finished_at desc limit 20) p
        ) h
        where r.workspace_id = ${workspaceId} and r.finished_at >= ${now.toISOString()}::timestamptz - interval '24 hours'
          and r.status in ('failed', 'succeeded', 'partial')
        order by r.finished_at`),
    );
    return rows.flatMap((row): AlertCandidate[] => {
      const duration = row.duration_ms === null ? null : Number(row.duration_ms);
      const median = row.median_ms === null ? null : Number(row.median_ms);
      const slow = row.status !== "failed" && duration !== null && median !== null && median > 0 && Number(row.history) >= 3 && duration > params.slowFactor * median;
      if (row.status !== "failed" && !slow) return [];
      const common = { subjectType: "run" as const, subjectId: row.id, subjectLabel: `${row.kind} run`, link: `/${slug}/jobs`, day: localDate(timezone, new Date(row.finished_at)) };
      if (row.status === "failed") {
        return [{ ...common, title: `A ${row.kind} run failed`, message: row.error ?? "The run failed.", details: { kind: row.kind, status: row.status, durationMs: duration } }];
      }
      const ratio = Math.round((duration! / median!) * 10) / 10;
      return [{ ...common, title: `A ${row.kind} run was slow`, message: `It took ${Math.round(duration! / 1000)} s, ${ratio}× its median of ${Math.round(median! / 1000)} s.`, details: { kind: row.kind, durationMs: duration, medianMs: median, ratio } }];
    });
  },
});
