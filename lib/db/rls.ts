import { sql } from "drizzle-orm";
import type { Connection, Db, Tx } from "./client";
import { rowsOf } from "./rows";
import { getConnection } from "./process-connection";
import { withSpan } from "@/lib/telemetry/with-span";
import { ClientGoneError } from "@/lib/errors";
import { clientGone } from "@/lib/http/request-scope";

/**
 * Who a query runs for: a signed-in user (claims from the session), an API token (`tokenId`, with
 * `sub` the token's own id so no user-scoped policy matches), or nobody (anon).
 */
export interface UserClaims {
  sub: string;
  email?: string | null;
  tokenId?: string;
}

/**
 * The one entry point for queries made on behalf of a user. Inside a transaction it sets
 * request.jwt.claims from a bound parameter and drops to the `authenticated` (or `anon`) role,
 * so Postgres row-level security decides what the caller sees, as Supabase's own API does.
 */
export async function runAsUser<T>(
  connection: Connection,
  claims: UserClaims | null,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const role = claims ? "authenticated" : "anon";
  const jwt = JSON.stringify(claims ? { sub: claims.sub, email: claims.email ?? null, role, ...(claims.tokenId ? { token_id: claims.tokenId } : {}) } : { role });
  return withSpan("db.rls_transaction", { "db.system": connection.engine === "pglite" ? "pglite" : "postgresql", "reach.db.role": role }, () =>
    connection.db.transaction(async (tx) => {
      // Checked when the transaction's turn comes (PGlite runs one at a time): a page or route whose
      // client has disconnected stops here instead of running its queries for nobody.
      if (clientGone()) throw new ClientGoneError();
      await tx.execute(sql`select set_config('request.jwt.claims', ${jwt}, true)`);
      await tx.execute(role === "authenticated" ? sql`set local role authenticated` : sql`set local role anon`);
      return fn(tx);
    }),
  );
}

/** runAsUser on this process's database connection. */
export async function withUserDb<T>(claims: UserClaims | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runAsUser(await getConnection(), claims, fn);
}

/**
 * Inside a user's transaction, runs `fn` as the connection's owner (the service path) and then drops
 * back to the user's role. For writes no user may make directly but that must commit or roll back
 * with the user's change: audit entries. Never pass it anything the user chose without checking.
 */
export async function asServiceWithin<T>(tx: Db | Tx, fn: (db: Db | Tx) => Promise<T>): Promise<T> {
  const [row] = rowsOf<{ role: string }>(await tx.execute(sql`select current_user as role`));
  const userRole = row?.role === "authenticated" ? sql`authenticated` : row?.role === "anon" ? sql`anon` : null;
  if (!userRole) return fn(tx);
  await tx.execute(sql`reset role`);
  // On failure the transaction is already aborted and rolls back; only success needs the role back.
  const result = await fn(tx);
  await tx.execute(sql`set local role ${userRole}`);
  return result;
}
