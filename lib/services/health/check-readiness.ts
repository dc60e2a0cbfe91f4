import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { pendingMigrations } from "@/lib/db/migrate";
import type { Storage } from "@/lib/storage/storage";

export const READINESS_CHECKS = ["database", "migrations", "storage", "jobs"] as const;
export type ReadinessCheckName = (typeof READINESS_CHECKS)[number];

export interface ReadinessCheck {
  ok: boolean;
  latencyMs: number;
  /** Short and free of secrets: the endpoint is public, for load balancers and uptime monitors. */
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<ReadinessCheckName, ReadinessCheck>;
}

export interface ReadinessDeps {
  runner(): Promise<SqlRunner>;
  storage(): Storage;
  /** Whether something will run jobs: Inngest configured, or this process's local runner started. */
  jobs(): { ok: boolean; detail: string };
  /** A check that takes longer counts as failed, so a hung dependency cannot hang the probe. */
  timeoutMs?: number;
}

class CheckFailed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

// An error's code or class only: a message may carry a host name, a path or a key.
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.name : "error";
}

async function timed(timeoutMs: number, check: () => Promise<void>): Promise<ReadinessCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed("timeout")), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness: the database answers and is fully migrated, storage takes a write, and jobs have an engine. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? 3_000;
  const runner = deps.runner();
  // Settled here, so a rejected connection is reported by both checks rather than left unhandled.
  runner.catch(() => undefined);
  const [database, migrations, storage] = await Promise.all([
    timed(timeoutMs, async () => {
      await (await runner).query("select 1 as ok");
    }),
    timed(timeoutMs, async () => {
      const pending = await pendingMigrations(await runner);
      if (pending.length > 0) throw new CheckFailed(`${pending.length} pending, first ${pending[0]}`);
    }),
    timed(timeoutMs, async () => {
      const store = deps.storage();
      const probe = `health/readiness-${randomUUID()}.txt`;
      await store.put(probe, Buffer.from("ok"), "text/plain");
      await store.delete(probe);
    }),
  ]);
  const engine = deps.jobs();
  const jobs: ReadinessCheck = { ok: engine.ok, latencyMs: 0, detail: engine.detail };
  const checks = { database, migrations, storage, jobs };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}
