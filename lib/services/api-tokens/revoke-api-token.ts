import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Admins only (RLS); from the next request on, the token answers 401. Revoking twice is not_found. */
export async function revokeApiToken(db: Db, input: { workspaceId: string; actorId: string | null; tokenId: string; now?: Date }): Promise<void> {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: input.now ?? new Date() })
    .where(and(eq(apiTokens.workspaceId, input.workspaceId), eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  if (!revoked) throw new AppError("not_found", "No such active token.");
  await recordAudit(db, { workspaceId: input.workspaceId, actorId: input.actorId, action: "api_token.revoked", entity: "api_token", entityId: revoked.id, details: { name: revoked.name } });
}
