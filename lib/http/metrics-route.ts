import { createHash, timingSafeEqual } from "node:crypto";
import { getSummaryCache } from "@/lib/cache/process-summary-cache";
import { withServiceDb } from "@/lib/db/service";
import { readSystemMetrics } from "@/lib/services/system-health/read-system-metrics";
import { inFlightCounts } from "./in-flight";
import { problem } from "./problem";
import { prometheusExposition } from "./prometheus-exposition";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** The handler, given the configured token: none means the endpoint does not exist (404). */
export function metricsRoute(token: string | undefined) {
  return async (request: Request): Promise<Response> => {
    if (!token) return problem("not_found");
    const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
    // Compared as digests, so neither the length nor the content leaks through timing.
    if (!timingSafeEqual(digest(presented), digest(token))) {
      return problem("unauthenticated", "Send Authorization: Bearer <METRICS_TOKEN>.", undefined, { "WWW-Authenticate": 'Bearer realm="metrics"' });
    }
    const metrics = await withServiceDb((db) => readSystemMetrics(db, { now: new Date() }));
    const { contentType, body } = await prometheusExposition(metrics, await getSummaryCache(), inFlightCounts());
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  };
}
