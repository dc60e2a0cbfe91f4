import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertMutes } from "@/lib/db/schema";

export interface MuteView {
  id: string;
  ruleId: string;
  subjectType: string | null;
  subjectId: string | null;
  until: string;
}

/** Mutes still in force. */
export async function listActiveMutes(db: Db, input: { workspaceId: string; now: Date }): Promise<MuteView[]> {
  const rows = await db
    .select({ id: alertMutes.id, ruleId: alertMutes.ruleId, subjectType: alertMutes.subjectType, subjectId: alertMutes.subjectId, until: alertMutes.until })
    .from(alertMutes)
    .where(and(eq(alertMutes.workspaceId, input.workspaceId), gt(alertMutes.until, input.now)))
    .orderBy(desc(alertMutes.until));
  return rows.map((row) => ({ ...row, until: row.until.toISOString() }));
}
