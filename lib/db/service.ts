import { env } from "@/lib/env";
import { assertRlsRoleIsSafe, openConnection, type Connection, type Db, type OpenOptions } from "./client";
import { applyMigrations, type MigrationResult } from "./migrate";
import { getConnection } from "./process-connection";

/**
 * The service path: pipelines, seeding and admin CLIs act for the system, not for a user, and run
 * as the connection's owner role. Never call this with data a user chose without checking roles.
 */
export async function withServiceDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const connection = await getConnection();
  return fn(connection.db);
}

/** The process's own connection on the service path, for work that needs the runner too (the demo seed at start). */
export function getServiceConnection(): Promise<Connection> {
  return getConnection();
}

/** For CLIs: their own connection to the configured database (DATABASE_URL, else the embedded one). */
export function openServiceConnection(options: OpenOptions = {}): Promise<Connection> {
  return openConnection(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.REACH_DATA_DIR }, options);
}

/** For `npm run db:migrate`: applies the migrations, then checks the RLS role they created. */
export async function migrateConfiguredDatabase(): Promise<MigrationResult> {
  const connection = await openServiceConnection({ assertRole: false });
  try {
    const result = await applyMigrations(connection.runner);
    await assertRlsRoleIsSafe(connection.runner);
    return result;
  } finally {
    await connection.close();
  }
}
