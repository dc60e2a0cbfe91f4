/**
 * npm run jobs:run -- snapshots --workspace <slug> [--platform <p>] [--account <id>]
 * Runs one snapshot run in this process to the end: progress on stderr, a JSON summary on stdout.
 * Exit codes: 0 succeeded, 1 could not run (bad arguments, no such workspace, an error), 2 partial
 * (some items failed), 3 failed (nothing succeeded), 4 cancelled or interrupted (Ctrl-C).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openServiceConnection } from "@/lib/db/service";
import { PLATFORMS } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { exitCodeFor } from "@/lib/jobs/exit-code";
import { processJobDeps } from "@/lib/jobs/job-deps";
import { runSnapshotsNow } from "@/lib/jobs/run-snapshots-now";

const USAGE = "Usage: npm run jobs:run -- snapshots --workspace <slug> [--platform <platform>] [--account <account-id>]";

const argsSchema = z.object({
  job: z.literal("snapshots", { message: 'the only job is "snapshots"' }),
  workspace: z.string().min(1, "--workspace is required"),
  platform: z.enum(PLATFORMS).optional(),
  account: z.uuid("--account must be an account id").optional(),
});

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { workspace: { type: "string" }, platform: { type: "string" }, account: { type: "string" } },
  });
  const parsed = argsSchema.safeParse({ job: positionals[0], ...values });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((issue) => issue.message).join("; ")}\n${USAGE}`);
  const args = parsed.data;

  // The embedded database migrates itself; a remote one is migrated with `npm run db:migrate`.
  const connection = await openServiceConnection({ migrate: !env.DATABASE_URL });
  const deps = { ...processJobDeps(), withDb: <T>(fn: (db: typeof connection.db) => Promise<T>) => fn(connection.db) };
  const interrupt = new AbortController();
  process.once("SIGINT", () => interrupt.abort());
  const started = Date.now();
  try {
    const run = await runSnapshotsNow(deps, {
      workspace: args.workspace,
      platform: args.platform,
      accountId: args.account,
      stopSignal: interrupt.signal,
      onProgress: (progress) => {
        const total = progress.progressTotal ?? 0;
        const percent = total > 0 ? Math.round((progress.progressDone / total) * 100) : 0;
        const counts = ["succeeded", "failed", "skipped"].map((key) => `${key} ${progress.counters[key] ?? 0}`).join(", ");
        process.stderr.write(`\r${progress.status} ${progress.progressDone}/${total} (${percent}%) ${counts}   `);
      },
    });
    process.stderr.write("\n");
    const summary = {
      runId: run.id,
      status: run.status,
      snapshotDate: run.params.snapshotDate,
      total: run.progressTotal,
      counts: run.counters,
      error: run.error,
      durationMs: Date.now() - started,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    process.exitCode = exitCodeFor(run.status);
  } finally {
    await deps.scraper().close();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
