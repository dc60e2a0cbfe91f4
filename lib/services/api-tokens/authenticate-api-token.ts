import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { apiTokenId, hashApiToken, sameHash } from "./api-token-format";

export interface ApiTokenIdentity {
  tokenId: string;
  workspaceId: string;
}

// last_used_at is written at most once a minute per token, so a busy integration is not a write per request.
const TOUCH_EVERY_MS = 60_000;

/**
 * On the service path: the token a bearer request carries, if it exists, matches its hash, is not
 * revoked and has not expired; else 401, the same answer for each case. Records the use (time,
 * address) and, the first time, an audit entry.
 */
export async function authenticateApiToken(db: Db, input: { token: string; from: string | null; now?: Date }): Promise<ApiTokenIdentity> {
  const refused = new AppError("unauthenticated", "The API token is not valid, has been revoked or has expired.");
  const id = apiTokenId(input.token);
  if (!id) throw refused;
  const now = input.now ?? new Date();
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!row || !sameHash(row.tokenHash, hashApiToken(input.token)) || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw refused;
  const touched = await db
    .update(apiTokens)
    .set({ lastUsedAt: now, lastUsedFrom: input.from })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS)))))
    .returning({ id: apiTokens.id });
  if (touched.length > 0 && row.lastUsedAt === null) {
    await recordAudit(db, { workspaceId: row.workspaceId, actorId: null, actorTokenId: id, action: "api_token.first_used", entity: "api_token", entityId: id, details: { from: input.from } });
  }
  return { tokenId: id, workspaceId: row.workspaceId };
}
