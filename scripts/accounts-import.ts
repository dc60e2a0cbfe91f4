/**
 * npm run accounts:import -- <file.csv> --workspace <slug> [--dry-run] [--invalid-out <file.csv>]
 * Imports accounts as an admin tool (service path, no user): prints valid / duplicate / invalid rows
 * with reasons; exits 1 on file-level errors (too large, binary, header only, unknown workspace), 2 on usage.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CSV_MAX_BYTES, readCsv } from "@/lib/csv/read-csv";
import { openServiceConnection } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { exportInvalidRows } from "@/lib/csv/export-invalid-rows";
import { importAccounts } from "@/lib/services/accounts/import-accounts";
import { previewAccountImport } from "@/lib/services/accounts/preview-account-import";
import { requireWorkspaceBySlug } from "@/lib/services/workspaces/find-workspace-by-slug";

const USAGE = "Usage: npm run accounts:import -- <file.csv> --workspace <slug> [--dry-run] [--invalid-out <file.csv>]";
const SHOWN = 50;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { workspace: { type: "string" }, "dry-run": { type: "boolean", default: false }, "invalid-out": { type: "string" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.workspace) {
    console.error(USAGE);
    return 2;
  }
  // Refuse by size before reading, as the upload route does.
  if ((await stat(file)).size > CSV_MAX_BYTES) throw new AppError("payload_too_large", "The file is larger than 5 MB.");
  const table = readCsv(new Uint8Array(await readFile(file)));

  const connection = await openServiceConnection({ migrate: !env.DATABASE_URL });
  try {
    const db = connection.db;
    const workspace = await requireWorkspaceBySlug(db, values.workspace);
    const preview = await previewAccountImport(db, { workspaceId: workspace.id, table });
    const ignored = preview.ignoredHeaders.length > 0 ? ` (ignored columns: ${preview.ignoredHeaders.join(", ")})` : "";
    console.log(`${file}: ${preview.rowCount} rows${ignored}`);
    console.log(`  valid       ${preview.valid.length}`);
    console.log(`  duplicates  ${preview.duplicates.length}`);
    for (const row of preview.duplicates.slice(0, SHOWN)) {
      const why = row.kind === "tracked" ? "already tracked" : `same account as row ${row.firstLine}`;
      console.log(`    row ${row.line}: ${row.platform} ${row.handle} — ${why}`);
    }
    console.log(`  invalid     ${preview.invalid.length}`);
    for (const row of preview.invalid.slice(0, SHOWN)) console.log(`    row ${row.line}: ${row.reason}`);
    if (preview.duplicates.length > SHOWN || preview.invalid.length > SHOWN) console.log(`  (first ${SHOWN} of each shown)`);
    if (values["invalid-out"] && preview.invalid.length > 0) {
      await writeFile(values["invalid-out"], exportInvalidRows(preview));
      console.log(`  invalid rows written to ${values["invalid-out"]}`);
    }
    if (values["dry-run"]) {
      console.log("Dry run: nothing written.");
      return 0;
    }
    const result = await importAccounts(db, { workspaceId: workspace.id, actorId: null, rows: preview.valid, source: "cli" });
    const skipped = preview.duplicates.length + preview.invalid.length + result.unchanged;
    console.log(`Imported ${result.created} new account(s) into "${values.workspace}"; ${skipped} row(s) skipped.`);
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
