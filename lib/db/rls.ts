import { sql } from "drizzle-orm";
import type { Connection, Tx } from "./client";
import { getConnection } from "./process-connection";

/** Who a query runs for: a signed-in user (claims from the session) or nobody (anon). */
export interface UserClaims {
  sub: string;
  email?: string | null;
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
  const jwt = JSON.stringify(claims ? { sub: claims.sub, email: claims.email ?? null, role } : { role });
  return connection.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('request.jwt.claims', ${jwt}, true)`);
    await tx.execute(role === "authenticated" ? sql`set local role authenticated` : sql`set local role anon`);
    return fn(tx);
  });
}

/** runAsUser on this process's database connection. */
export async function withUserDb<T>(claims: UserClaims | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runAsUser(await getConnection(), claims, fn);
}
