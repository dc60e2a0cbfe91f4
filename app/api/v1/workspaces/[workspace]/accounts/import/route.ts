import { z } from "zod";
import * as ops from "@/lib/api/routes/accounts";
import { readCsv } from "@/lib/csv/read-csv";
import { readCsvUpload } from "@/lib/csv/read-upload";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { importAccounts } from "@/lib/services/accounts/import-accounts";
import { previewAccountImport } from "@/lib/services/accounts/preview-account-import";

const fields = z.object({ dryRun: z.stringbool().default(false) });

/**
 * POST /api/v1/workspaces/:workspace/accounts/import — multipart `file` (CSV, ≤ 5 MB) and `dryRun`.
 * dryRun=true answers the preview; otherwise the valid rows are committed in one transaction.
 * 413 over 5 MB (checked before the body is read whole); 400 for binary, empty or header-only files.
 */
export const POST = workspaceRoute({ operation: ops.importAccounts, upload: readCsvUpload }, async ({ upload, tx, workspace, actorId }) => {
  const { dryRun } = fields.parse(upload.fields);
  const preview = await previewAccountImport(tx, { workspaceId: workspace.id, table: readCsv(upload.file) });
  if (dryRun) return { data: preview };
  const result = await importAccounts(tx, { workspaceId: workspace.id, actorId, rows: preview.valid, source: "upload" });
  return { data: { ...result, duplicates: preview.duplicates.length, invalid: preview.invalid.length } };
});
