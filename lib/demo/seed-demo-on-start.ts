import { getServiceConnection } from "@/lib/db/service";
import { env } from "@/lib/env";
import { seedDemoIfEmpty } from "./seed-demo";

/** Server start on the embedded database: a first run gets the demo workspaces; Postgres never does. */
export async function seedDemoOnStart(): Promise<void> {
  const connection = await getServiceConnection();
  if (!env.DATABASE_URL) await seedDemoIfEmpty(connection, { storageRoot: env.REACH_DATA_DIR });
}
