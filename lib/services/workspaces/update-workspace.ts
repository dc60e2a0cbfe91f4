import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { workspaces } from "@/lib/db/schema";
import { lockWorkspaceRollups } from "@/lib/db/workspace-rollup-lock";
import { AppError } from "@/lib/errors";
import { timeOfDay } from "@/lib/input-fields";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { myTwoFactorEnabled } from "@/lib/services/two-factor/get-two-factor-status";
import { workspaceColumns } from "./list-my-workspaces";

const isTimeZone = (value: string) => Intl.supportedValuesOf("timeZone").includes(value) || value === "UTC";

export const updateWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    timezone: z.string().max(64).refine(isTimeZone, "must be an IANA timezone such as Europe/Paris").optional(),
    snapshotTime: timeOfDay.nullable().optional(),
    requireTwoFactor: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), "nothing to update");

/**
 * Admin only (RLS); snapshot dates and the daily run follow the new timezone and time from the next
 * run on. Requiring two-factor needs the admin's own second factor on, so they cannot lock themselves out.
 */
export async function updateWorkspace(
  db: Db,
  input: { workspaceId: string; actorId: string; name?: string; timezone?: string; snapshotTime?: string | null; requireTwoFactor?: boolean },
) {
  if (input.requireTwoFactor === true && !(await myTwoFactorEnabled(db))) {
    throw new AppError("conflict", "Turn on two-factor sign-in for your own account (/account) before requiring it here.");
  }
  // Read as its admin: anyone else's update is refused below, and takes no lock here.
  const [before] = await db
    .select({ requireTwoFactor: workspaces.requireTwoFactor, timezone: workspaces.timezone })
    .from(workspaces)
    .where(and(eq(workspaces.id, input.workspaceId), sql`${workspaces.id} in (select private.workspace_ids_with_role('admin'))`));
  // A new timezone rebuilds the posts' rollups: their lock comes before this row's, as for every writer.
  if (input.timezone && before && input.timezone !== before.timezone) await lockWorkspaceRollups(db, input.workspaceId);
  const [updated] = await db
    .update(workspaces)
    .set({
      ...(input.name ? { name: input.name } : {}),
      ...(input.timezone ? { timezone: input.timezone } : {}),
      ...(input.snapshotTime !== undefined ? { snapshotTime: input.snapshotTime } : {}),
      ...(input.requireTwoFactor !== undefined ? { requireTwoFactor: input.requireTwoFactor } : {}),
      updatedAt: new Date(),
    })
    .where(eq(workspaces.id, input.workspaceId))
    .returning(workspaceColumns);
  if (!updated) throw new AppError("forbidden");
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: "workspace.updated",
    entity: "workspace",
    entityId: input.workspaceId,
    details: { name: input.name, timezone: input.timezone, snapshotTime: input.snapshotTime },
  });
  if (input.requireTwoFactor !== undefined && before?.requireTwoFactor !== input.requireTwoFactor) {
    await recordAudit(db, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      action: "workspace.two_factor_requirement_changed",
      entity: "workspace",
      entityId: input.workspaceId,
      details: { required: input.requireTwoFactor },
    });
  }
  return updated;
}
