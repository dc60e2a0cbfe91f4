/** Opens (and on the embedded database, migrates and seeds) the database when the server starts. */
export async function register() {
  const { env } = await import("@/lib/env");
  if (env.NEXT_RUNTIME !== "nodejs") return;
  const { getConnection } = await import("@/lib/db/process-connection");
  await getConnection();
}
