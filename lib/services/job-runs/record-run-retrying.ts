import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/** Which try of its batch an attempt is (1-based), so the Jobs page can say a run is retrying. */
export interface BatchAttempt {
  batchId: string;
  number: number;
  of: number;
}

/**
 * `job_runs.params.retrying[batchId]`: the codes a batch hands back for another try and which try
 * comes next; the key goes once the batch has nothing left to retry (lib/domain/run-retrying.ts reads it).
 */
export async function recordRunRetrying(tx: Db, runId: string, attempt: BatchAttempt, codes: Record<string, number>): Promise<void> {
  if (Object.keys(codes).length > 0) {
    const entry = JSON.stringify({ next: attempt.number + 1, of: attempt.of, codes });
    await tx.execute(sql`
      update job_runs set params = jsonb_set(params, '{retrying}', coalesce(params->'retrying', '{}'::jsonb) || jsonb_build_object(${attempt.batchId}::text, ${entry}::jsonb))
      where id = ${runId}::uuid`);
  } else {
    await tx.execute(sql`update job_runs set params = params #- array['retrying', ${attempt.batchId}::text] where id = ${runId}::uuid and params->'retrying' ? ${attempt.batchId}::text`);
  }
}
