import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/lib/db/rows";
import { defineRuleKind } from "../rule-kind";
import { accountScope } from "./followers-change";

/** An account whose last `days` daily snapshots all failed (its consecutive failures). */
export const accountFailing = defineRuleKind({
  params: z.object({ days: z.number().int().min(1).max(60).default(3), scope: accountScope }),
  async evaluate(db, { workspaceId, slug, today, params }) {
    const rows = rowsOf<{ id: string; handle: string; platform: string; failures: number; code: string | null }>(
      await db.execute(sql`
        select id, handle, platform::text as platform, consecutive_failures as failures, last_error_code as code from accounts
        where workspace_id = ${workspaceId} and active and health_status = 'failing' and consecutive_failures >= ${params.days}
          and (${params.scope} = 'all' or is_core)
        order by handle`),
    );
    return rows.map((row) => ({
      subjectType: "account" as const,
      subjectId: row.id,
      subjectLabel: `${row.handle} (${row.platform})`,
      link: `/${slug}/accounts/${row.id}`,
      day: today,
      title: `${row.handle} is failing`,
      message: `${row.handle} on ${row.platform} failed ${row.failures} time(s) in a row (last error: ${row.code ?? "unknown"}).`,
      details: { platform: row.platform, handle: row.handle, consecutiveFailures: row.failures, errorCode: row.code },
    }));
  },
});
