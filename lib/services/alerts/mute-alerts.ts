import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { alertMutes, alertRules } from "@/lib/db/schema";
import { ALERT_SUBJECT_TYPES, MUTE_DURATIONS } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";

export const muteSchema = z
  .object({
    ruleId: z.uuid(),
    subjectType: z.enum(ALERT_SUBJECT_TYPES).optional(),
    subjectId: z.string().min(1).max(100).optional(),
    duration: z.enum(Object.keys(MUTE_DURATIONS) as [keyof typeof MUTE_DURATIONS]),
  })
  .refine((value) => (value.subjectType === undefined) === (value.subjectId === undefined), "subjectType and subjectId go together");
export type MuteInput = z.infer<typeof muteSchema>;

/** Silences a rule, or one subject of it, for a day or a week from now. */
export async function muteAlerts(db: Db, input: { workspaceId: string; createdBy: string | null; mute: MuteInput; now: Date }): Promise<{ id: string; until: string }> {
  const [rule] = await db.select({ id: alertRules.id }).from(alertRules).where(and(eq(alertRules.id, input.mute.ruleId), eq(alertRules.workspaceId, input.workspaceId)));
  if (!rule) throw new AppError("not_found");
  const until = new Date(input.now.getTime() + MUTE_DURATIONS[input.mute.duration] * 86_400_000);
  const [row] = await db
    .insert(alertMutes)
    .values({ workspaceId: input.workspaceId, ruleId: rule.id, subjectType: input.mute.subjectType ?? null, subjectId: input.mute.subjectId ?? null, until, createdBy: input.createdBy })
    .returning({ id: alertMutes.id, until: alertMutes.until });
  return { id: row!.id, until: row!.until.toISOString() };
}
