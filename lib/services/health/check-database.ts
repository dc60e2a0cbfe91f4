import { sql } from "drizzle-orm";
import { withServiceDb } from "@/lib/db/service";

export async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await withServiceDb((db) => db.execute(sql`select 1`));
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).name };
  }
}
