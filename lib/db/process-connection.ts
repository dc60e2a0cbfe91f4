import { env } from "@/lib/env";
import { openConnection, type Connection } from "./client";

// One connection per process: the global survives Next's module reloading in development,
// which would otherwise open the PGlite directory twice and corrupt it.
const holder = globalThis as unknown as { __reachConnection?: Promise<Connection> };

async function open(): Promise<Connection> {
  if (env.DATABASE_URL) return openConnection({ databaseUrl: env.DATABASE_URL });
  return openConnection({ dataDir: env.REACH_DATA_DIR }, { migrate: true });
}

export function getConnection(): Promise<Connection> {
  holder.__reachConnection ??= open().catch((error: unknown) => {
    holder.__reachConnection = undefined;
    throw error;
  });
  return holder.__reachConnection;
}

/** For tests of route handlers only: the process uses this test database instead of opening its own. */
export function provideConnectionForTests(connection: Connection): void {
  holder.__reachConnection = Promise.resolve(connection);
}
