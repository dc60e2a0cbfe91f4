/**
 * npm run api:client — regenerates components/api/v1-schema.d.ts, the typed client's types, from the
 * OpenAPI document (openapi-typescript). lib/api/api-client-fresh.test.ts fails when it is stale.
 */
import { writeFile } from "node:fs/promises";
import { renderApiClientTypes, API_CLIENT_TYPES_FILE } from "@/lib/api/client-types";

async function main() {
  await writeFile(API_CLIENT_TYPES_FILE, await renderApiClientTypes());
  console.log(`Wrote ${API_CLIENT_TYPES_FILE}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
