import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { timeOfDay } from "@/lib/input-fields";
import { recordAudit } from "@/lib/services/audit/record-audit";

const isTimeZone = (value: string) => Intl.supportedValuesOf("timeZone").includes(value) || value === "UTC";

export const updateWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    timezone: z.string().max(64).refine(isTimeZone, "must be an IANA timezone such as Europe/Paris").optional(),
    snapshotTime: timeOfDay.nullable().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), "nothing to update");

/** Admin only (RLS); snapshot dates and the daily run follow the new timezone and time from the next run on. */
export async function updateWorkspace(
  tx: Tx,
  input: { workspaceId: string; actorId: string; name?: string; timezone?: string; snapshotTime?: string | null },
) {
  const [updated] = await tx
    .update(workspaces)
    .set({
      ...(input.name ? { name: input.name } : {}),
      ...(input.timezone ? { timezone: input.timezone } : {}),
      ...(input.snapshotTime !== undefined ? { snapshotTime: input.snapshotTime } : {}),
      updatedAt: new Date(),
    })
    .where(eq(workspaces.id, input.workspaceId))
    .returning({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name, timezone: workspaces.timezone, snapshotTime: workspaces.snapshotTime });
  if (!updated) throw new AppError("forbidden");
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: "workspace.updated",
    entity: "workspace",
    entityId: input.workspaceId,
    details: { name: input.name, timezone: input.timezone, snapshotTime: input.snapshotTime },
  });
  return updated;
}
