import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { openConnection, type Connection } from "@/lib/db/client";
import { env } from "@/lib/env";
import { planReset, resetDatabase, type ResetPlan } from "./db-reset";

export type Engine = "pglite" | "postgres";

const TEST_DATABASE_URL = env.TEST_DATABASE_URL;

/** PGlite always; real Postgres too when TEST_DATABASE_URL is set (CI sets it). */
export const ENGINES: Engine[] = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase {
  engine: Engine;
  connection: Connection;
  url?: string;
  drop(): Promise<void>;
}

interface MigratedOnce {
  pgliteSnapshot: string;
  postgresTemplate: string | null;
}

// Read the snapshot once per worker.
let snapshot: Promise<Blob> | undefined;
const migratedSnapshot = (file: string) => (snapshot ??= readFile(file).then((bytes) => new Blob([bytes])));

/** Databases a worker's earlier test files gave back, emptied and ready for the next file. */
const idle: Record<Engine, PooledDatabase[]> = { pglite: [], postgres: [] };

interface PooledDatabase {
  connection: Connection;
  url?: string;
  plan: ResetPlan;
}

/**
 * A migrated database that no other test file is using, emptied of what earlier files wrote:
 * in-memory PGlite, or a throwaway Postgres database, cloned from what tests/global-setup.ts
 * migrated once for the whole run, then handed from file to file within the worker.
 */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const reused = idle[engine].pop();
  if (reused) return pooled(engine, reused);
  // Imported here, not at the top: the benches share this module and run outside Vitest, where it cannot load.
  const { inject } = await import("vitest");
  const fresh = await openDatabase(engine, { pgliteSnapshot: inject("pgliteSnapshot"), postgresTemplate: inject("postgresTemplate") });
  return pooled(engine, { connection: fresh.connection, url: fresh.url, plan: await planReset(fresh.connection) });
}

function pooled(engine: Engine, database: PooledDatabase): TestDatabase {
  return {
    engine,
    connection: database.connection,
    url: database.url,
    async drop() {
      const next = await giveBack(engine, database);
      if (next) idle[engine].push(next);
    },
  };
}

/** Empties the database for the next file, or closes it for good when that cannot be done. */
async function giveBack(engine: Engine, database: PooledDatabase): Promise<PooledDatabase | null> {
  // A Postgres pool keeps each session's state: the next file gets new sessions.
  const connection = engine === "postgres" ? await reopen(database) : database.connection;
  if (await resetDatabase(connection, database.plan)) return { ...database, connection };
  await connection.close().catch(() => {});
  return null;
}

async function reopen(database: PooledDatabase): Promise<Connection> {
  await database.connection.close();
  return openConnection({ databaseUrl: database.url! });
}

/**
 * The migrated PGlite data directory as a tarball, for a test that needs an embedded database on
 * disk: `openConnection({ dataDir, snapshot })` skips initdb and the migrations.
 */
export async function migratedPgliteSnapshot(): Promise<Blob> {
  const { inject } = await import("vitest");
  return migratedSnapshot(inject("pgliteSnapshot"));
}

/** The same for a bench, outside Vitest: the one database is migrated from scratch. */
export function createBenchDatabase(engine: Engine): Promise<TestDatabase> {
  return openDatabase(engine, null);
}

async function openDatabase(engine: Engine, setup: MigratedOnce | null): Promise<TestDatabase> {
  if (engine === "pglite") {
    const connection = setup
      ? await openConnection({ memory: true, snapshot: await migratedSnapshot(setup.pgliteSnapshot) })
      : await openConnection({ memory: true }, { migrate: true });
    return { engine, connection, drop: () => connection.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  if (setup && !setup.postgresTemplate) throw new Error("tests/global-setup.ts made no Postgres template");
  // A file's database is named after the run's template, and the run's teardown drops them all:
  // DROP DATABASE waits on a checkpoint, seconds on a busy machine, which no test should wait for.
  const name = setup ? `${setup.postgresTemplate}_${randomBytes(6).toString("hex")}` : `reach_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(setup ? `create database ${name} template ${setup.postgresTemplate}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const connection = await openConnection({ databaseUrl: url.toString() }, { migrate: !setup });
  return {
    engine,
    connection,
    url: url.toString(),
    async drop() {
      await connection.close();
      if (setup) return;
      const cleanup = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
