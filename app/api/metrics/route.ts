import { env } from "@/lib/env";
import { metricsRoute } from "@/lib/http/metrics-route";

export const dynamic = "force-dynamic";

/** GET /api/metrics — Prometheus text format for self-hosters, behind `Authorization: Bearer $METRICS_TOKEN`. */
export const GET = metricsRoute(env.METRICS_TOKEN);
