/**
 * npm run sheets:connect -- --workspace <slug> --url <sheet URL or id> [--tab <name>]
 * Tests access as the configured service account, detects the column mapping and connects the sheet
 * (service path, no user). Prints the stored sheet as JSON; exits 1 with a clear message when the sheet
 * cannot be opened (not found, permission denied, no URL column, no such tab), 2 on usage.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { workspaces } from "@/lib/db/schema";
import { openServiceConnection } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getSheetsClient } from "@/lib/sheets/process-sheets-client";
import { connectSheet } from "@/lib/services/sheets/connect-sheet";
import { testSheetAccess } from "@/lib/services/sheets/test-sheet-access";

const USAGE = "Usage: npm run sheets:connect -- --workspace <slug> --url <sheet URL or id> [--tab <name>]";

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({ options: { workspace: { type: "string" }, url: { type: "string" }, tab: { type: "string" } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.workspace || !values.url) {
    console.error(USAGE);
    return 2;
  }
  const connection = await openServiceConnection({ migrate: !env.DATABASE_URL });
  try {
    const db = connection.db;
    const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, values.workspace));
    if (!workspace) throw new AppError("not_found", `No workspace "${values.workspace}".`);
    const inspection = await testSheetAccess(await getSheetsClient(), { url: values.url, tab: values.tab });
    const sheet = await connectSheet(db, { workspaceId: workspace.id, actorId: null, inspection });
    console.log(JSON.stringify({ id: sheet.id, spreadsheetId: sheet.spreadsheetId, title: inspection.title, tab: sheet.tab, headers: sheet.headers, mapping: sheet.mapping, statusValues: sheet.statusValues, serviceAccountEmail: sheet.serviceAccountEmail }, null, 2));
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError ? `sheets:connect: ${error.message}` : error);
    process.exit(1);
  },
);
