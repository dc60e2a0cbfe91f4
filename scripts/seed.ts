/**
 * npm run seed [-- --reset] [-- --allow-remote]
 * Demo data for the embedded database: seeds it when empty (or replaces the demo workspaces with
 * --reset) and prints the demo sign-ins. A DATABASE_URL is refused unless explicitly allowed.
 */
import { parseArgs } from "node:util";
import { openServiceConnection } from "@/lib/db/service";
import { env } from "@/lib/env";
import { resetDemo } from "@/lib/demo/reset-demo";
import { ACME_USER, DEMO_USERS, seedDemo, seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { getStorage } from "@/lib/storage/get-storage";

const USAGE = "Usage: npm run seed [-- --reset] [-- --allow-remote]";

function printUsers() {
  console.log("\nDemo sign-ins (demo data only; never use these passwords for real data):");
  for (const [user, workspace] of [...DEMO_USERS.map((user) => [user, "demo"] as const), [ACME_USER, "acme"] as const]) {
    console.log(`  ${user.role.padEnd(7)} ${user.email.padEnd(19)} ${user.password.padEnd(19)} workspace "${workspace}"`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: { reset: { type: "boolean", default: false }, "allow-remote": { type: "boolean", default: false } },
  });
  const remote = Boolean(env.DATABASE_URL);
  if (remote && !values["allow-remote"] && !env.SEED_DEMO_DATA) {
    throw new Error(
      "DATABASE_URL is set: refusing to write demo users with public passwords into it. " +
        "If it is a throwaway database, pass --allow-remote or set SEED_DEMO_DATA=1.",
    );
  }
  // The embedded database migrates itself; a remote one is migrated with `npm run db:migrate`.
  const connection = await openServiceConnection({ migrate: !remote });
  try {
    const storage = getStorage();
    const options = { storageRoot: env.REACH_DATA_DIR, storage };
    if (values.reset) {
      const removed = await resetDemo(connection, storage);
      console.log(`Removed ${removed.workspaces} demo workspace(s) and ${removed.files} slide file(s).`);
    }
    const result = values.reset ? await seedDemo(connection, options) : await seedDemoIfEmpty(connection, options);
    if (result) {
      const counts = Object.entries(result.counts).map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`);
      const took = values.reset ? `Seeded in ${(result.ms / 1000).toFixed(1)} s. ` : ""; // seedDemoIfEmpty logs its own time
      console.log(`${took}Rows: ${counts.join(", ")}.`);
    } else {
      console.log("The database already has workspaces, so nothing was seeded. `npm run seed -- --reset` replaces the demo workspaces.");
    }
    printUsers();
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  if (String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) console.error(USAGE);
  process.exit(1);
});
