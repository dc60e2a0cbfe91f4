/** npm run db:migrate — applies supabase/migrations to DATABASE_URL (or the embedded database). */
import { assertRlsRoleIsSafe, openConnection } from "@/lib/db/client";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/db/migrate";

async function main() {
  const target = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.REACH_DATA_DIR };
  const connection = await openConnection(target, { assertRole: false });
  try {
    const result = await applyMigrations(connection.runner);
    await assertRlsRoleIsSafe(connection.runner);
    const where = env.DATABASE_URL ? "DATABASE_URL" : `the embedded database in ${env.REACH_DATA_DIR}`;
    if (result.applied.length === 0) console.log(`Nothing to apply: ${where} is up to date.`);
    else console.log(`Applied to ${where}:\n${result.applied.map((file) => `  ${file}`).join("\n")}`);
    if (result.bootstrapped) console.log("(Not a Supabase project: the Supabase-compatible bootstrap is in place.)");
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
