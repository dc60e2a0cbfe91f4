import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { Role } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";

export const SUMMARY_KINDS = ["overview", "leaderboard", "accounts"] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

/** Where entries live: Redis (shared by every instance) or this process's memory. */
export type SummaryStore = { kind: "redis"; client: Redis } | { kind: "memory" };

export interface SummaryCacheOptions {
  /** Namespaces every key, e.g. per test; "reach:summary:" in the app. */
  keyPrefix?: string;
  /** How long an entry lives even if nothing changes (a backstop; writes change the key); 0: no caching. */
  ttlMs?: number;
}

export interface SummaryCacheCounts {
  kind: SummaryKind;
  hits: number;
  misses: number;
  errors: number;
}

export interface SummarySpec {
  workspace: { id: string; role: Role };
  kind: SummaryKind;
  /** The parsed query; part of the key. */
  query: Record<string, unknown>;
}

export interface SummaryCache {
  readonly backend: SummaryStore["kind"];
  /**
   * `compute()` unless an entry for this workspace, data version, role, kind and query exists. The
   * version is read under the caller's RLS first: a non-member gets not_found, never an entry.
   */
  get<T>(db: Db, spec: SummarySpec, compute: () => Promise<T>): Promise<T>;
  counts(): SummaryCacheCounts[];
}

// Entries are kept as JSON text, so the in-memory bound is in characters (about 64 MB).
const MEMORY_MAX_CHARS = 32 * 1024 * 1024;

/** workspaces.data_version, bumped at commit by every write the summaries read (see its migration). */
async function readDataVersion(db: Db, workspaceId: string): Promise<number> {
  const [row] = rowsOf<{ version: string | number }>(await db.execute(sql`select data_version as version from workspaces where id = ${workspaceId}`));
  if (!row) throw new AppError("not_found", "No such workspace.");
  return Number(row.version);
}

// Sorted, so the same query always gives the same key whatever the order its fields were parsed in.
function queryKey(query: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(query).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function createSummaryCache(store: SummaryStore, options: SummaryCacheOptions = {}): SummaryCache {
  const prefix = options.keyPrefix ?? "reach:summary:";
  const ttlMs = options.ttlMs ?? 600_000;
  const memory = store.kind === "memory" && ttlMs > 0 ? new LRUCache<string, string>({ maxSize: MEMORY_MAX_CHARS, sizeCalculation: (value) => value.length, ttl: ttlMs }) : null;
  const tally = new Map(SUMMARY_KINDS.map((kind) => [kind, { kind, hits: 0, misses: 0, errors: 0 }]));

  const redis = store.kind === "redis" ? store.client : null;
  const read = async (key: string) => (redis ? ((await redis.get(key)) ?? undefined) : memory?.get(key));
  const write = async (key: string, value: string) => {
    if (redis) await redis.set(key, value, "PX", ttlMs);
    else memory?.set(key, value);
  };

  return {
    backend: store.kind,
    async get<T>(db: Db, spec: SummarySpec, compute: () => Promise<T>): Promise<T> {
      const counts = tally.get(spec.kind)!;
      const version = await readDataVersion(db, spec.workspace.id);
      if (ttlMs === 0) {
        counts.misses += 1;
        return compute();
      }
      const key = `${prefix}${spec.workspace.id}:${version}:${spec.workspace.role}:${spec.kind}:${queryKey(spec.query)}`;
      // A store that is down costs the cache, not the page: the summary is computed as without one.
      const cached = await read(key).catch((error: unknown) => {
        counts.errors += 1;
        logger.warn({ component: "summary-cache", err: error }, "summary cache read failed");
        return undefined;
      });
      if (cached !== undefined) {
        counts.hits += 1;
        return JSON.parse(cached) as T;
      }
      counts.misses += 1;
      const value = await compute();
      await write(key, JSON.stringify(value)).catch((error: unknown) => {
        counts.errors += 1;
        logger.warn({ component: "summary-cache", err: error }, "summary cache write failed");
      });
      return value;
    },
    counts: () => [...tally.values()].map((entry) => ({ ...entry })),
  };
}
