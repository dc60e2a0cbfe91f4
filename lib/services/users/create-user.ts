import { z } from "zod";
import { newPasswordSchemaFor } from "@/lib/auth/password-policy";
import type { Db } from "@/lib/db/client";
import { profiles, workspaceMembers, workspaces } from "@/lib/db/schema";
import { ROLES } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { createIdentity, findUserIdByEmail, markEmailVerified, setPassword } from "@/lib/services/auth/create-identity";
import { supabaseAuthEnabled } from "@/lib/services/auth/supabase-auth";
import { findWorkspaceBySlug } from "@/lib/services/workspaces/find-workspace-by-slug";
import { workspaceSlugSchema } from "@/lib/services/workspaces/get-workspace";

export const createUserInputSchema = z
  .object({
    email: z.email().max(254).transform((email) => email.toLowerCase()),
    password: z.string(),
    workspace: workspaceSlugSchema,
    role: z.enum(ROLES).default("admin"),
    workspaceName: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((input, ctx) => {
    const checked = newPasswordSchemaFor(input.email).safeParse(input.password);
    if (!checked.success) ctx.addIssue({ code: "custom", path: ["password"], message: checked.error.issues[0]?.message ?? "refused" });
  });
export type CreateUserInput = z.input<typeof createUserInputSchema>;

export interface CreateUserResult {
  userId: string;
  createdUser: boolean;
  workspaceId: string;
  createdWorkspace: boolean;
  role: (typeof ROLES)[number];
}

/**
 * The first-admin path (service, for the CLI): creates the user unless the email exists, creates
 * the workspace unless the slug exists, and sets the membership to the role. One transaction.
 */
export async function createUser(db: Db, raw: CreateUserInput): Promise<CreateUserResult> {
  const input = createUserInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    let userId = await findUserIdByEmail(tx, input.email);
    const createdUser = userId === null;
    if (userId === null) {
      // The operator running the CLI vouches for the address.
      userId = await createIdentity(tx, { email: input.email, password: input.password, emailVerified: true });
      await tx.insert(profiles).values({ userId, displayName: input.email.split("@")[0] ?? input.email }).onConflictDoNothing();
    } else if (!supabaseAuthEnabled()) {
      await setPassword(tx, { userId, password: input.password });
      await markEmailVerified(tx, userId);
    }
    const existing = await findWorkspaceBySlug(tx, input.workspace);
    const workspaceId =
      existing?.id ??
      (await tx.insert(workspaces).values({ slug: input.workspace, name: input.workspaceName ?? input.workspace }).returning({ id: workspaces.id }))[0]?.id;
    if (!workspaceId) throw new AppError("internal", "The workspace could not be created.");
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId, userId, role: input.role })
      .onConflictDoUpdate({ target: [workspaceMembers.workspaceId, workspaceMembers.userId], set: { role: input.role } });
    await recordAudit(tx, {
      workspaceId,
      actorId: null,
      action: "user.created",
      entity: "user",
      entityId: userId,
      details: { email: input.email, role: input.role, createdUser, createdWorkspace: !existing, via: "cli" },
    });
    return { userId, createdUser, workspaceId, createdWorkspace: !existing, role: input.role };
  });
}
