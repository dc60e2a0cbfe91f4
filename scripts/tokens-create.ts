/**
 * npm run tokens:create -- --workspace <slug> --role viewer|editor --name <name> [--expires-days N]
 * Creates an API token on the service path and prints it once on stdout (everything else on stderr).
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { openServiceConnection } from "@/lib/db/service";
import { AppError } from "@/lib/errors";
import { createApiToken, createApiTokenSchema } from "@/lib/services/api-tokens/create-api-token";
import { findWorkspaceBySlug } from "@/lib/services/workspaces/find-workspace-by-slug";

async function main() {
  const { values } = parseArgs({
    options: {
      workspace: { type: "string" },
      role: { type: "string", default: "viewer" },
      name: { type: "string" },
      "expires-days": { type: "string" },
    },
  });
  const days = values["expires-days"];
  const token = createApiTokenSchema.parse({ name: values.name ?? "", role: values.role, expiresInDays: days === undefined ? null : Number(days) });
  const connection = await openServiceConnection({ migrate: true });
  try {
    const workspace = await findWorkspaceBySlug(connection.db, values.workspace ?? "");
    if (!workspace) throw new AppError("not_found", `No workspace "${values.workspace ?? ""}".`);
    const created = await createApiToken(connection.db, { workspaceId: workspace.id, actorId: null, token });
    const expiry = created.apiToken.expiresAt ? `expires ${created.apiToken.expiresAt.toISOString()}` : "no expiry";
    console.error(`Created ${created.apiToken.role} token "${created.apiToken.name}" for workspace "${values.workspace}" (${expiry}). It is shown once:`);
    console.log(created.token);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`--${issue.path.join(".") || "input"}: ${issue.message}`);
  } else console.error(error instanceof AppError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
