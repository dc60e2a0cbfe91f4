import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { applyMigrations } from "./migrate";
import * as schema from "./schema";
import { pgliteRunner, postgresRunner, type SqlRunner } from "./sql-runner";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * The raw, policy-bypassing connection. Only lib/db (the RLS entry point and the service path)
 * and test harnesses may import this module; a test enforces it.
 */
export interface Connection {
  engine: "pglite" | "postgres";
  db: Db;
  runner: SqlRunner;
  /** PGlite only: the whole data directory as a tarball (backups). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** `snapshot`: a tarball from PGlite's dumpDataDir() to start the in-memory database from (the test harness). */
export type ConnectionTarget = { databaseUrl: string } | { dataDir: string; snapshot?: Blob } | { memory: true; snapshot?: Blob };

export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

const LOCK_FILE = "reach.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite is single-process: a second opener would corrupt the directory, so refuse it clearly. */
async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new DatabaseOpenError(
      `The embedded database in ${dataDir} is in use by another process (pid ${holder}), probably \`npm run dev\`. ` +
        "PGlite allows one process at a time: stop that process first, or set DATABASE_URL to use a Postgres server.",
    );
  }
  await writeFile(lockPath, String(process.pid));
  const release = async () => {
    const current = await readFile(lockPath, "utf8").catch(() => "");
    if (current === String(process.pid)) await rm(lockPath, { force: true });
  };
  process.once("exit", () => void release());
  return release;
}

async function openPglite(dataDir: string | null, snapshot?: Blob): Promise<Connection> {
  const release = dataDir ? await claimDataDir(dataDir) : async () => {};
  const location = dataDir ? path.join(dataDir, "pglite") : "memory://";
  let pg: PGlite;
  try {
    pg = await PGlite.create(location, snapshot ? { loadDataDir: snapshot } : {});
  } catch (error) {
    await release();
    throw new DatabaseOpenError(
      `The embedded database in ${location} could not be opened (${(error as Error).message}). ` +
        `It may be corrupt: stop Reach, delete the ${dataDir} directory (this erases local data) and start again.`,
    );
  }
  const db = drizzlePglite({ client: pg, schema }) as unknown as Db;
  return {
    engine: "pglite",
    db,
    runner: pgliteRunner(pg),
    dumpDataDir: () => pg.dumpDataDir("gzip"),
    async close() {
      await pg.close();
      await release();
    },
  };
}

function openPostgres(databaseUrl: string): Connection {
  // prepare: false keeps us compatible with Supabase's transaction pooler.
  const sql = postgres(databaseUrl, { prepare: false, max: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
  return { engine: "postgres", db, runner: postgresRunner(sql), close: () => sql.end({ timeout: 5 }) };
}

/** The role user queries run under must not bypass row-level security; fail closed if it does. */
export async function assertRlsRoleIsSafe(runner: SqlRunner): Promise<void> {
  const rows = await runner.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
    "select rolsuper, rolbypassrls from pg_roles where rolname = 'authenticated'",
  );
  const role = rows[0];
  if (!role) throw new DatabaseOpenError("Role 'authenticated' is missing: run `npm run db:migrate`.");
  if (role.rolsuper || role.rolbypassrls) {
    throw new DatabaseOpenError("Role 'authenticated' bypasses row-level security (superuser or bypassrls); refusing to start.");
  }
}

export interface OpenOptions {
  migrate?: boolean;
  /** Off only for the migration CLI, which checks the role itself once the roles exist. */
  assertRole?: boolean;
}

export async function openConnection(target: ConnectionTarget, options: OpenOptions = {}): Promise<Connection> {
  const connection =
    "databaseUrl" in target
      ? openPostgres(target.databaseUrl)
      : "dataDir" in target
        ? await openPglite(target.dataDir, target.snapshot)
        : await openPglite(null, target.snapshot);
  try {
    if (options.migrate) await applyMigrations(connection.runner);
    if (options.assertRole !== false) await assertRlsRoleIsSafe(connection.runner);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return connection;
}
