/**
 * npm run db:restore -- <backup directory> --yes
 * Restores a backup from `npm run db:backup` over DATABASE_URL (pg_restore --clean, in one
 * transaction) or over the embedded database (whose current files are moved aside, not deleted),
 * then checks every table against the backup's manifest; exits 1 when any differs.
 */
import { parseArgs } from "node:util";
import { restoreDatabase } from "@/lib/db/backup";
import { env } from "@/lib/env";

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { yes: { type: "boolean", default: false } } });
  const [backupDir] = positionals;
  if (!backupDir) throw new Error("Usage: npm run db:restore -- <backup directory> --yes");
  const where = env.DATABASE_URL ? "the database at DATABASE_URL" : `the embedded database in ${env.REACH_DATA_DIR}`;
  if (!values.yes) throw new Error(`This replaces everything in ${where}. Run again with --yes to go ahead.`);
  const target = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.REACH_DATA_DIR };
  const { manifest, mismatched, movedAside } = await restoreDatabase(target, { backupDir, now: new Date() });
  if (movedAside) console.error(`The previous embedded files are in ${movedAside}.`);
  if (mismatched.length > 0) {
    console.error(`Restored, but these tables differ from the backup's manifest: ${mismatched.join(", ")}`);
    process.exit(1);
  }
  console.error(`Restored the backup of ${manifest.createdAt} into ${where}: all ${Object.keys(manifest.tables).length} tables match its manifest.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
