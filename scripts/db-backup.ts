/**
 * npm run db:backup [-- --out backups]
 * Backs up DATABASE_URL (pg_dump) or the embedded database and its slide files (stop the app first:
 * PGlite allows one process) into <out>/reach-backup-<time>/, with a manifest of every table's
 * row count and digest. Prints the backup's directory on stdout.
 */
import { parseArgs } from "node:util";
import { backupDatabase } from "@/lib/db/backup";
import { env } from "@/lib/env";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
  const target = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.REACH_DATA_DIR };
  const { dir, manifest } = await backupDatabase(target, { outDir: values.out, now: new Date() });
  const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
  console.error(`Backed up ${Object.keys(manifest.tables).length} tables (${rows} rows, ${manifest.migrations.length} migrations; slide files ${manifest.storage}).`);
  console.log(dir);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
