import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { optionalText } from "@/lib/input-fields";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { accountTagsSchema } from "./create-account";


export const updateAccountSchema = z
  .object({
    displayName: optionalText(200, "the display name").nullable(),
    organization: optionalText(200, "the organization").nullable(),
    tags: accountTagsSchema,
    isCore: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "Nothing to change.");
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

/** Edits what a user may edit; platform and handle are the account's identity and never change. */
export async function updateAccount(db: Db, input: { workspaceId: string; actorId: string | null; accountId: string; patch: UpdateAccountInput }) {
  const [updated] = await db
    .update(accounts)
    .set({ ...input.patch, updatedAt: new Date() })
    .where(and(eq(accounts.workspaceId, input.workspaceId), eq(accounts.id, input.accountId)))
    .returning({ id: accounts.id });
  // RLS hides the row from a viewer's update as from a stranger's, so both read as "not found".
  if (!updated) throw new AppError("not_found", "No such account.");
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: "account.updated",
    entity: "account",
    entityId: input.accountId,
    details: { fields: Object.keys(input.patch) },
  });
  return updated;
}
