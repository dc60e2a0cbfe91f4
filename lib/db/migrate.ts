import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "./sql-runner";

const ROOT = process.cwd();
const MIGRATIONS_DIR = path.join(ROOT, "supabase", "migrations");
const BOOTSTRAP_FILE = path.join(ROOT, "supabase", "bootstrap", "supabase-compat.sql");
// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 7_240_113;

export interface MigrationResult {
  bootstrapped: boolean;
  applied: string[];
}

async function isSupabase(runner: SqlRunner): Promise<boolean> {
  const rows = await runner.query<{ found: boolean }>(
    "select exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') as found",
  );
  return rows[0]?.found === true;
}

async function listMigrations() {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{14}_.+\.sql$/.test(file)).sort();
  return files.map((file) => ({ file, version: file.slice(0, 14), name: file.slice(15, -4) }));
}

/** Migration files this database has not applied yet (read-only: for readiness checks). */
export async function pendingMigrations(runner: SqlRunner): Promise<string[]> {
  const [table] = await runner.query<{ found: boolean }>("select to_regclass('supabase_migrations.schema_migrations') is not null as found");
  const done = table?.found
    ? new Set((await runner.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).map((row) => row.version))
    : new Set<string>();
  return (await listMigrations()).filter((migration) => !done.has(migration.version)).map((migration) => migration.file);
}

/**
 * Applies supabase/migrations in order and records each in supabase_migrations.schema_migrations,
 * the table the Supabase CLI reads, so `supabase db push` and this runner agree on what is applied.
 */
export async function applyMigrations(runner: SqlRunner): Promise<MigrationResult> {
  return runner.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    const supabase = await isSupabase(tx);
    if (!supabase) await tx.exec(await readFile(BOOTSTRAP_FILE, "utf8"));
    await tx.exec(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, statements text[], name text
      );`);
    const done = new Set(
      (await tx.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).map(
        (row) => row.version,
      ),
    );
    const applied: string[] = [];
    for (const migration of await listMigrations()) {
      if (done.has(migration.version)) continue;
      const text = await readFile(path.join(MIGRATIONS_DIR, migration.file), "utf8");
      await tx.exec(text);
      await tx.query("insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)", [
        migration.version,
        migration.name,
        [text],
      ]);
      applied.push(migration.file);
    }
    return { bootstrapped: !supabase, applied };
  });
}
