/** npm run db:migrate — applies supabase/migrations to DATABASE_URL (or the embedded database). */
import { migrateConfiguredDatabase } from "@/lib/db/service";
import { env } from "@/lib/env";

async function main() {
  const result = await migrateConfiguredDatabase();
  const where = env.DATABASE_URL ? "DATABASE_URL" : `the embedded database in ${env.REACH_DATA_DIR}`;
  if (result.applied.length === 0) console.log(`Nothing to apply: ${where} is up to date.`);
  else console.log(`Applied to ${where}:\n${result.applied.map((file) => `  ${file}`).join("\n")}`);
  if (result.bootstrapped) console.log("(Not a Supabase project: the Supabase-compatible bootstrap is in place.)");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
