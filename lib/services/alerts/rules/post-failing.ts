import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/lib/db/rows";
import { defineRuleKind } from "../rule-kind";

/** A post whose last `times` scrapes all failed. */
export const postFailing = defineRuleKind({
  params: z.object({ times: z.number().int().min(1).max(60).default(3) }),
  async evaluate(db, { workspaceId, slug, today, params }) {
    const rows = rowsOf<{ id: string; post_id: string; url: string; failures: number; code: string | null }>(
      await db.execute(sql`
        select id, post_id, url, consecutive_failures as failures, last_error_code as code from tiktok_posts
        where workspace_id = ${workspaceId} and status = 'failed' and consecutive_failures >= ${params.times}
        order by post_id`),
    );
    return rows.map((row) => ({
      subjectType: "post" as const,
      subjectId: row.id,
      subjectLabel: `post ${row.post_id}`,
      link: `/${slug}/posts/${row.id}`,
      day: today,
      title: `Post ${row.post_id} keeps failing`,
      message: `${row.url} failed ${row.failures} time(s) in a row (last error: ${row.code ?? "unknown"}).`,
      details: { tiktokPostId: row.post_id, url: row.url, consecutiveFailures: row.failures, errorCode: row.code },
    }));
  },
});
