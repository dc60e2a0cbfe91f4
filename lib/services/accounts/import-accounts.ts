import type { Db } from "@/lib/db/client";
import { isRlsViolation } from "@/lib/db/errors";
import { accounts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import type { ImportCandidate } from "./preview-account-import";

export interface ImportResult {
  created: number;
  unchanged: number;
}

// 8 bound parameters a row: 1,000 rows stay far below Postgres' 65,535-parameter limit.
const INSERT_CHUNK = 1000;

/**
 * Commits the rows of a preview in one transaction (a savepoint inside a user's transaction):
 * idempotent on (workspace, platform, handle), so importing the same file again changes nothing.
 * With a user's Tx, RLS refuses viewers and other workspaces; the admin CLI passes the service Db.
 */
export async function importAccounts(
  db: Db,
  input: { workspaceId: string; actorId: string | null; rows: ImportCandidate[]; source: "upload" | "cli" },
): Promise<ImportResult> {
  try {
    return await db.transaction(async (tx) => {
      let created = 0;
      for (let start = 0; start < input.rows.length; start += INSERT_CHUNK) {
        const inserted = await tx
          .insert(accounts)
          .values(
            input.rows.slice(start, start + INSERT_CHUNK).map((row) => ({
              workspaceId: input.workspaceId,
              platform: row.platform,
              handle: row.handle,
              profileUrl: row.profileUrl,
              displayName: row.displayName,
              organization: row.organization,
              tags: row.tags,
              isCore: row.isCore,
            })),
          )
          .onConflictDoNothing({ target: [accounts.workspaceId, accounts.platform, accounts.handle] })
          .returning({ id: accounts.id });
        created += inserted.length;
      }
      if (created > 0) {
        await recordAudit(tx, {
          workspaceId: input.workspaceId,
          actorId: input.actorId,
          action: "accounts.imported",
          entity: "account",
          details: { created, unchanged: input.rows.length - created, source: input.source },
        });
      }
      return { created, unchanged: input.rows.length - created };
    });
  } catch (error) {
    if (isRlsViolation(error)) throw new AppError("forbidden");
    throw error;
  }
}

