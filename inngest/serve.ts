import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { problem } from "@/lib/http/problem";

export const INNGEST_SERVE_PATH = "/api/inngest";

/**
 * The /api/inngest handlers. The origin registered with Inngest is fixed by configuration, never
 * read from the request: otherwise a PUT with a forged Host would register that host's URL, and
 * Inngest would send signed calls (event data included) there.
 */
export function serveInngest(client: Inngest.Any, functions: InngestFunction.Any[], serveOrigin: string | undefined) {
  return serve({ client, functions, ...(serveOrigin ? { serveOrigin, servePath: INNGEST_SERVE_PATH } : {}) });
}

export interface InngestRouteConfig {
  serveOrigin: string | undefined;
  signingKey: string | undefined;
  dev: boolean;
}

/**
 * The route as deployed: without a signing key (and outside dev mode) the SDK can verify no call
 * and answers every request with a 500 and a log line, so the route is simply not there (404).
 */
export function inngestRoute(client: Inngest.Any, functions: InngestFunction.Any[], config: InngestRouteConfig) {
  if (!config.signingKey && !config.dev) {
    const notServed = async () => problem("not_found");
    return { GET: notServed, POST: notServed, PUT: notServed };
  }
  return serveInngest(client, functions, config.serveOrigin);
}
