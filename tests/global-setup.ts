import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
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

async function migratedPgliteSnapshot(dir: string): Promise<string> {
  const pg = await PGlite.create();
  try {
    await applyMigrations(pgliteRunner(pg));
    const file = path.join(dir, "pglite-migrated.tar");
    await writeFile(file, new Uint8Array(await (await pg.dumpDataDir("none")).arrayBuffer()));
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

/** Migrates once per run: each test file then clones these instead of running the migrations. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "reach-vitest-"));
  const adminUrl = env.TEST_DATABASE_URL;
  const [snapshot, template] = await Promise.all([
    migratedPgliteSnapshot(dir),
    adminUrl ? migratedPostgresTemplate(adminUrl) : Promise.resolve(null),
  ]);
  project.provide("pgliteSnapshot", snapshot);
  project.provide("postgresTemplate", template);
  return async () => {
    if (adminUrl && template) await dropDatabase(adminUrl, template);
    await rm(dir, { recursive: true, force: true });
  };
}
