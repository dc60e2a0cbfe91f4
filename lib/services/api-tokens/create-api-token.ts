import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiTokens } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { newApiToken } from "./api-token-format";
import { apiTokenColumns, type ApiTokenView } from "./list-api-tokens";

export const API_TOKEN_ROLES = ["viewer", "editor"] as const;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(API_TOKEN_ROLES),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

/**
 * Admins only (RLS), or the service path for the CLI. Returns the token once: only its SHA-256 is
 * stored, so it cannot be shown again.
 */
export async function createApiToken(
  db: Db,
  input: { workspaceId: string; actorId: string | null; token: CreateApiTokenInput; now?: Date },
): Promise<{ token: string; apiToken: ApiTokenView }> {
  const id = randomUUID();
  const { token, tokenHash } = newApiToken(id);
  const now = input.now ?? new Date();
  const expiresAt = input.token.expiresInDays === null ? null : new Date(now.getTime() + input.token.expiresInDays * 86_400_000);
  const [apiToken] = await db
    .insert(apiTokens)
    .values({ id, workspaceId: input.workspaceId, name: input.token.name, role: input.token.role, tokenHash, createdBy: input.actorId, expiresAt })
    .returning(apiTokenColumns);
  if (!apiToken) throw new Error("insert returned no row");
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: "api_token.created",
    entity: "api_token",
    entityId: id,
    details: { name: apiToken.name, role: apiToken.role, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { token, apiToken };
}
