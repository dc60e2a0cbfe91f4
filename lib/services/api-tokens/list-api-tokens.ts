import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiTokens } from "@/lib/db/schema";

export const apiTokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  lastUsedFrom: apiTokens.lastUsedFrom,
  revokedAt: apiTokens.revokedAt,
};

export interface ApiTokenView {
  id: string;
  name: string;
  role: "admin" | "editor" | "viewer";
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
  revokedAt: Date | null;
}

/** The workspace's tokens, newest first, revoked ones included; admins only by RLS (others see none). */
export async function listApiTokens(db: Db, { workspaceId }: { workspaceId: string }): Promise<ApiTokenView[]> {
  return db.select(apiTokenColumns).from(apiTokens).where(eq(apiTokens.workspaceId, workspaceId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
