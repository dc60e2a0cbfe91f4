import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openConnection } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteRunner } from "@/lib/db/sql-runner";
import { env } from "@/lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data directory, loaded by every in-memory test database. */
    pgliteSnapshot: string;
    /** A migrated Postgres database that each test database is created from (TEMPLATE). */
    postgresTemplate: string | null;
  }
}

const CACHE_DIR = path.join(process.cwd(), "node_modules", ".cache", "reach-tests");

/** Names the snapshot by what it is made of, so a changed migration or PGlite makes a new one. */
async function snapshotKey(): Promise<string> {
  const hash = createHash("sha256");
  const files = ["supabase/bootstrap/supabase-compat.sql", "node_modules/@electric-sql/pglite/package.json"];
  const migrations = (await readdir("supabase/migrations")).filter((file) => file.endsWith(".sql")).sort();
  for (const file of [...files, ...migrations.map((name) => `supabase/migrations/${name}`)]) {
    hash.update(file).update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

async function migratedPgliteSnapshot(): Promise<string> {
  const file = path.join(CACHE_DIR, `pglite-migrated-${await snapshotKey()}.tar`);
  if (await readFile(file).then(() => true, () => false)) return file;
  const pg = await PGlite.create();
  try {
    await applyMigrations(pgliteRunner(pg));
    await mkdir(CACHE_DIR, { recursive: true });
    // Written aside, then renamed: a parallel run never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await (await pg.dumpDataDir("none")).arrayBuffer()));
    await rename(partial, file);
    return file;
  } finally {
    await pg.close();
  }
}

async function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `reach_template_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connection = await openConnection({ databaseUrl: url.toString() }, { migrate: true });
  await connection.close();
  return name;
}

async function dropDatabase(adminUrl: string, name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Every test file's database made from the template (tests/db-harness.ts names them after it), then the template. */
async function dropRunDatabases(adminUrl: string, template: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const names = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${`${template}_`})`
    .finally(() => admin.end());
  // Several at a time: each drop waits on a checkpoint, and concurrent requests share one.
  for (let start = 0; start < names.length; start += 8) {
    await Promise.all(names.slice(start, start + 8).map(({ datname }) => dropDatabase(adminUrl, datname)));
  }
  await dropDatabase(adminUrl, template);
}

/**
 * Migrates once per run (PGlite: once per migration set, cached under node_modules/.cache): each
 * test file then clones these instead of running the migrations. The Postgres template is this run's own.
 */
export default async function setup(project: TestProject) {
  const adminUrl = env.TEST_DATABASE_URL;
  const [snapshot, template] = await Promise.all([
    migratedPgliteSnapshot(),
    adminUrl ? migratedPostgresTemplate(adminUrl) : Promise.resolve(null),
  ]);
  project.provide("pgliteSnapshot", snapshot);
  project.provide("postgresTemplate", template);
  return async () => {
    if (adminUrl && template) await dropRunDatabases(adminUrl, template);
  };
}
