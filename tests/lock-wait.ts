import { expect } from "vitest";
import type { Connection } from "@/lib/db/client";

/**
 * Resolves once one session of the database waits on a lock while running a statement whose text
 * holds `fragment`: the moment a concurrency test lets the session it waits for go on.
 */
export async function untilWaitingOnLock(connection: Connection, fragment: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await connection.runner.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like $1", [`%${fragment}%`]))[0]?.n,
      { interval: 50, timeout: 60_000 },
    )
    .toBe(1);
}
