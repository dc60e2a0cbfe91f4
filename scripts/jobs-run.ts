/**
 * npm run jobs:run -- snapshots --workspace <slug> [--platform <p>] [--account <id>]
 * npm run jobs:run -- posts --workspace <slug> [--sheet <sheet-source-id>]
 * Runs one run in this process to the end: progress on stderr, a JSON summary on stdout.
 * Exit codes: 0 succeeded, 1 could not run (bad arguments, no such workspace, an error), 2 partial
 * (some items failed), 3 failed (nothing succeeded), 4 cancelled or interrupted (Ctrl-C).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openServiceConnection } from "@/lib/db/service";
import { PLATFORMS } from "@/lib/domain/platforms";
import { env } from "@/lib/env";
import { exitCodeFor } from "@/lib/jobs/exit-code";
import { processJobDeps } from "@/lib/jobs/job-deps";
import { runPostsNow } from "@/lib/jobs/run-posts-now";
import { runSnapshotsNow } from "@/lib/jobs/run-snapshots-now";
import type { RunView } from "@/lib/services/job-runs/list-runs";

const USAGE = [
  "Usage: npm run jobs:run -- snapshots --workspace <slug> [--platform <platform>] [--account <account-id>]",
  "       npm run jobs:run -- posts --workspace <slug> [--sheet <sheet-source-id>]",
].join("\n");

const argsSchema = z.discriminatedUnion("job", [
  z.object({
    job: z.literal("snapshots"),
    workspace: z.string().min(1, "--workspace is required"),
    platform: z.enum(PLATFORMS).optional(),
    account: z.uuid("--account must be an account id").optional(),
  }),
  z.object({
    job: z.literal("posts"),
    workspace: z.string().min(1, "--workspace is required"),
    sheet: z.uuid("--sheet must be a sheet source id").optional(),
  }),
], { error: () => 'the job is "snapshots" or "posts"' });

const count = (run: RunView, key: string) => run.counters[key] ?? 0;

function progressLine(run: RunView): string {
  const total = run.progressTotal ?? 0;
  const percent = total > 0 ? Math.round((run.progressDone / total) * 100) : 0;
  const counts = ["succeeded", "failed", "skipped"].map((key) => `${key} ${count(run, key)}`).join(", ");
  const slides = run.kind === "posts.pipeline" ? `, slides ${count(run, "slidesStored")}/${count(run, "slidesTotal")}` : "";
  return `\r${run.status} ${run.progressDone}/${total} (${percent}%) ${counts}${slides}   `;
}

function errorsByCode(run: RunView): Record<string, number> {
  return Object.fromEntries(Object.entries(run.counters).filter(([key]) => key.startsWith("error:")).map(([key, n]) => [key.slice(6), n]));
}

function summarize(run: RunView, durationMs: number) {
  if (run.kind !== "posts.pipeline") {
    return { runId: run.id, status: run.status, snapshotDate: run.params.snapshotDate, total: run.progressTotal, counts: run.counters, error: run.error, durationMs };
  }
  return {
    runId: run.id,
    status: run.status,
    statsDate: run.params.statsDate,
    rowsRead: count(run, "rowsRead"),
    ready: count(run, "rowsReady"),
    posts: run.progressTotal,
    scraped: count(run, "succeeded"),
    skipped: count(run, "skipped"),
    failed: count(run, "failed"),
    failedByCode: errorsByCode(run),
    slidesStored: count(run, "slidesStored"),
    slidesFailed: count(run, "slidesFailed"),
    bytes: count(run, "slideBytes"),
    sheetWriteRequests: count(run, "sheetWriteRequests"),
    error: run.error,
    durationMs,
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { workspace: { type: "string" }, platform: { type: "string" }, account: { type: "string" }, sheet: { type: "string" } },
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
  const options = { workspace: args.workspace, stopSignal: interrupt.signal, onProgress: (run: RunView) => void process.stderr.write(progressLine(run)) };
  try {
    const run =
      args.job === "posts"
        ? await runPostsNow(deps, { ...options, sheetSourceId: args.sheet })
        : await runSnapshotsNow(deps, { ...options, platform: args.platform, accountId: args.account });
    process.stderr.write("\n");
    process.stdout.write(`${JSON.stringify(summarize(run, Date.now() - started), null, 2)}\n`);
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
