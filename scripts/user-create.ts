/**
 * npm run user:create -- --email a@b.c --password '...' --workspace demo [--role admin] [--name "Demo"]
 * Creates the first admin (or adds an existing user to a workspace). Never prints the password.
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { openServiceConnection } from "@/lib/db/service";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create-user";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      workspace: { type: "string" },
      role: { type: "string", default: "admin" },
      name: { type: "string" },
    },
  });
  const connection = await openServiceConnection({ migrate: true });
  try {
    const result = await createUser(connection.db, {
      email: values.email ?? "",
      password: values.password ?? "",
      workspace: values.workspace ?? "",
      role: values.role as "admin",
      workspaceName: values.name,
    });
    console.log(
      `${result.createdUser ? "Created" : "Updated"} ${values.email?.toLowerCase()} as ${result.role} of workspace "${values.workspace}"` +
        `${result.createdWorkspace ? " (new workspace)" : ""}.`,
    );
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
