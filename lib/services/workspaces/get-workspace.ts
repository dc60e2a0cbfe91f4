import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { AppError } from "@/lib/errors";
import { myTwoFactorEnabled } from "@/lib/services/two-factor/get-two-factor-status";
import { listMyWorkspaces, type MyWorkspace } from "./list-my-workspaces";

// Top-level pages and routes take precedence over a workspace of the same slug, which nobody could open.
const TAKEN_BY_PAGES = new Set(["account", "api", "invite", "reset-password", "sign-in"]);

export const workspaceSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and dashes")
  .refine((slug) => !TAKEN_BY_PAGES.has(slug), "is the address of a page of Reach");

// An admin created the token (with a second factor where required); it is a credential of its own.
async function callerIsToken(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ token: boolean }>(await db.execute(sql`select private.current_token_id() is not null as token`));
  return row?.token === true;
}

/**
 * The caller's workspace by slug; `not_found` for unknown slugs and for workspaces they are not in;
 * `two_factor_required` when it requires a second factor the caller has not turned on.
 */
export async function getWorkspace(db: Db, slug: string): Promise<MyWorkspace> {
  const parsed = workspaceSlugSchema.safeParse(slug);
  if (!parsed.success) throw new AppError("not_found", "No such workspace.");
  const workspace = (await listMyWorkspaces(db)).find((candidate) => candidate.slug === parsed.data);
  if (!workspace) throw new AppError("not_found", "No such workspace.");
  if (workspace.requireTwoFactor && !(await callerIsToken(db)) && !(await myTwoFactorEnabled(db))) {
    throw new AppError("two_factor_required", undefined, { workspace: workspace.slug });
  }
  return workspace;
}
