import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/next";

export const INNGEST_SERVE_PATH = "/api/inngest";

/**
 * The /api/inngest handlers. The origin registered with Inngest is fixed by configuration, never
 * read from the request: otherwise a PUT with a forged Host would register that host's URL, and
 * Inngest would send signed calls (event data included) there.
 */
export function serveInngest(client: Inngest.Any, functions: InngestFunction.Any[], serveOrigin: string | undefined) {
  return serve({ client, functions, ...(serveOrigin ? { serveOrigin, servePath: INNGEST_SERVE_PATH } : {}) });
}
