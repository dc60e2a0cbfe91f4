import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { withUserDb, type UserClaims } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { getWorkspace } from "@/lib/services/workspaces/get-workspace";
import type { MyWorkspace } from "@/lib/services/workspaces/list-my-workspaces";
import { requirePageClaims } from "./session";

export interface WorkspaceContext {
  claims: UserClaims;
  workspace: MyWorkspace;
}

/**
 * The signed-in user and their workspace for a page, once per request; 404 for anyone else's; a
 * member without the second factor the workspace requires is sent to enrol.
 */
export const getWorkspaceContext = cache(async (slug: string): Promise<WorkspaceContext> => {
  const claims = await requirePageClaims();
  try {
    const workspace = await withUserDb(claims, (tx) => getWorkspace(tx, slug));
    return { claims, workspace };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "two_factor_required") redirect(`/account?required=${encodeURIComponent(slug)}`);
    throw error;
  }
});
