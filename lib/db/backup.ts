import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { openConnection, type Connection, type ConnectionTarget } from "./client";
import type { SqlRunner } from "./sql-runner";

const run = promisify(execFile);

export type BackupTarget = { databaseUrl: string } | { dataDir: string };

export interface TableChecksum {
  rows: number;
  md5: string;
}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  engine: "postgres" | "pglite";
  /** supabase_migrations versions in the backup: a restore into an older checkout says so. */
  migrations: string[];
  tables: Record<string, TableChecksum>;
  /** Embedded mode copies the local slide files; Supabase Storage is backed up by Supabase. */
  storage: "copied" | "not included";
}

// Reach's own data: the app's tables, the private ones (rate limits, sessions) and the users.
const SCHEMAS = ["public", "private", "auth", "supabase_migrations"];
const DUMP_FILE = "database.dump";
const PGLITE_FILE = "pglite.tar.gz";

export class BackupError extends Error {
  override name = "BackupError";
}

/** Row count and an order-independent digest of every row, per table: what a restore must reproduce. */
export async function tableChecksums(runner: SqlRunner): Promise<Record<string, TableChecksum>> {
  const tables = await runner.query<{ name: string }>(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema = any($1) order by 1`,
    [SCHEMAS],
  );
  const result: Record<string, TableChecksum> = {};
  for (const { name } of tables) {
    const [row] = await runner.query<{ rows: string | number; md5: string }>(
      `select count(*) as rows, md5(coalesce(string_agg(digest, '' order by digest), '')) as md5 from (select md5(t::text) as digest from ${name} t) d`,
    );
    result[name] = { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? "" };
  }
  return result;
}

async function appliedMigrations(runner: SqlRunner): Promise<string[]> {
  const rows = await runner.query<{ version: string }>("select version from supabase_migrations.schema_migrations order by version");
  return rows.map((row) => row.version);
}

async function pgTool(tool: "pg_dump" | "pg_restore", args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") throw new BackupError(`${tool} is not installed: install the PostgreSQL client tools (version 15 or newer).`);
    // The connection string is never echoed: it may hold a password.
    throw new BackupError(`${tool} failed: ${(failure.stderr ?? failure.message).split("\n").filter(Boolean).slice(0, 5).join(" | ")}`);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

async function withConnection<T>(target: ConnectionTarget, fn: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await openConnection(target, { assertRole: false });
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/**
 * Writes `<outDir>/reach-backup-<time>/`: pg_dump's custom format (Postgres) or PGlite's own
 * data-directory tarball plus the local slide files (embedded mode), and a manifest with every
 * table's row count and digest, taken from the same database, so a restore can be verified.
 */
export async function backupDatabase(target: BackupTarget, options: { outDir: string; now: Date }): Promise<{ dir: string; manifest: BackupManifest }> {
  const dir = path.join(options.outDir, `reach-backup-${options.now.toISOString().replace(/[:.]/g, "-")}`);
  await mkdir(dir, { recursive: true });
  const manifest = await withConnection(target, async (connection): Promise<BackupManifest> => {
    const tables = await tableChecksums(connection.runner);
    const migrations = await appliedMigrations(connection.runner);
    if ("databaseUrl" in target) {
      await pgTool("pg_dump", ["--format=custom", "--no-owner", `--file=${path.join(dir, DUMP_FILE)}`, ...SCHEMAS.flatMap((schema) => ["--schema", schema]), `--dbname=${target.databaseUrl}`]);
      return { format: 1, createdAt: options.now.toISOString(), engine: "postgres", migrations, tables, storage: "not included" };
    }
    if (!connection.dumpDataDir) throw new BackupError("This connection cannot dump its data directory.");
    await writeFile(path.join(dir, PGLITE_FILE), new Uint8Array(await (await connection.dumpDataDir()).arrayBuffer()));
    const storage = path.join(target.dataDir, "storage");
    if (await exists(storage)) await cp(storage, path.join(dir, "storage"), { recursive: true });
    return { format: 1, createdAt: options.now.toISOString(), engine: "pglite", migrations, tables, storage: "copied" };
  });
  await writeFile(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  const text = await readFile(path.join(backupDir, "manifest.json"), "utf8").catch(() => {
    throw new BackupError(`${backupDir} is not a Reach backup: it has no manifest.json.`);
  });
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 1) throw new BackupError(`${backupDir} has an unknown backup format (${String(manifest.format)}).`);
  return manifest;
}

/** The tables whose rows or digest differ from the manifest's (empty: the restore is exact). */
export function compareChecksums(expected: Record<string, TableChecksum>, actual: Record<string, TableChecksum>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((name) => expected[name]?.rows !== actual[name]?.rows || expected[name]?.md5 !== actual[name]?.md5);
}

/**
 * Restores a backup over the target, then checks every table against the manifest. Postgres:
 * pg_restore --clean in one transaction (the roles must exist: run `npm run db:migrate` on a new
 * server first). Embedded: the current data directory and slide files are moved aside, not deleted.
 */
export async function restoreDatabase(target: BackupTarget, options: { backupDir: string; now: Date }): Promise<{ manifest: BackupManifest; mismatched: string[]; movedAside?: string }> {
  const manifest = await readManifest(options.backupDir);
  if ("databaseUrl" in target) {
    if (manifest.engine !== "postgres") throw new BackupError("This is an embedded-mode backup; restore it with DATABASE_URL unset.");
    await pgTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", `--dbname=${target.databaseUrl}`, path.join(options.backupDir, DUMP_FILE)]);
    const mismatched = await withConnection(target, async (connection) => compareChecksums(manifest.tables, await tableChecksums(connection.runner)));
    return { manifest, mismatched };
  }
  if (manifest.engine !== "pglite") throw new BackupError("This is a Postgres backup; restore it with DATABASE_URL set.");
  const stamp = options.now.toISOString().replace(/[:.]/g, "-");
  const movedAside = path.join(target.dataDir, `before-restore-${stamp}`);
  await mkdir(movedAside, { recursive: true });
  for (const entry of ["pglite", "storage"]) {
    if (await exists(path.join(target.dataDir, entry))) await rename(path.join(target.dataDir, entry), path.join(movedAside, entry));
  }
  const snapshot = new Blob([new Uint8Array(await readFile(path.join(options.backupDir, PGLITE_FILE)))]);
  const mismatched = await withConnection({ dataDir: target.dataDir, snapshot }, async (connection) => compareChecksums(manifest.tables, await tableChecksums(connection.runner)));
  if (await exists(path.join(options.backupDir, "storage"))) await cp(path.join(options.backupDir, "storage"), path.join(target.dataDir, "storage"), { recursive: true });
  return { manifest, mismatched, movedAside };
}
