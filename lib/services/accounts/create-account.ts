import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { isRlsViolation, isUniqueViolation } from "@/lib/db/errors";
import { accounts } from "@/lib/db/schema";
import { PLATFORMS } from "@/lib/domain/platforms";
import { AppError } from "@/lib/errors";
import { optionalText } from "@/lib/input-fields";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { resolveAccountIdentity } from "./account-identity";

const tags = z.array(z.string().trim().min(1).max(50)).max(20).transform((list) => [...new Set(list)]);

export const createAccountSchema = z.object({
  /** Optional when `handle` is a profile URL that names its platform. */
  platform: z.enum(PLATFORMS).optional(),
  handle: z.string().trim().min(1).max(300),
  displayName: optionalText(200, "the display name").nullable().optional(),
  organization: optionalText(200, "the organization").nullable().optional(),
  tags: tags.default([]),
  isCore: z.boolean().default(false),
});
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const accountTagsSchema = tags;

/** Adds one account (editors and admins; RLS refuses others); the same account twice is a conflict. */
export async function createAccount(db: Db, input: { workspaceId: string; actorId: string | null; account: CreateAccountInput }) {
  const identity = resolveAccountIdentity(input.account.platform ?? "", input.account.handle);
  if (!identity.ok) throw new AppError("invalid_input", `The account is not valid: ${identity.reason}.`);
  try {
    return await db.transaction(async (inner) => {
      const [created] = await inner
        .insert(accounts)
        .values({
          workspaceId: input.workspaceId,
          platform: identity.platform,
          handle: identity.handle,
          profileUrl: identity.profileUrl,
          displayName: input.account.displayName ?? null,
          organization: input.account.organization ?? null,
          tags: input.account.tags,
          isCore: input.account.isCore,
        })
        .returning({ id: accounts.id, platform: accounts.platform, handle: accounts.handle });
      if (!created) throw new AppError("internal");
      await recordAudit(inner, {
        workspaceId: input.workspaceId,
        actorId: input.actorId,
        action: "account.created",
        entity: "account",
        entityId: created.id,
        details: { platform: created.platform, handle: created.handle },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `This workspace already tracks ${identity.platform} account ${identity.handle}.`);
    if (isRlsViolation(error)) throw new AppError("forbidden");
    throw error;
  }
}
