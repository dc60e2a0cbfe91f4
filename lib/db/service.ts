import type { Db } from "./client";
import { getConnection } from "./process-connection";

/**
 * The service path: pipelines, seeding and admin CLIs act for the system, not for a user, and run
 * as the connection's owner role. Never call this with data a user chose without checking roles.
 */
export async function withServiceDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const connection = await getConnection();
  return fn(connection.db);
}
