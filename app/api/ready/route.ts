import { NextResponse } from "next/server";
import { getServiceConnection } from "@/lib/db/service";
import { jobEngineStatus } from "@/lib/jobs/dispatch-job-events";
import { checkReadiness } from "@/lib/services/health/check-readiness";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

/** Readiness for load balancers: 200 when every check passes, else 503 naming the failing ones. */
export async function GET() {
  const readiness = await checkReadiness({ runner: async () => (await getServiceConnection()).runner, storage: getStorage, jobs: jobEngineStatus });
  const failing = Object.entries(readiness.checks).filter(([, check]) => !check.ok).map(([name]) => name);
  return NextResponse.json(
    { status: readiness.ready ? "ready" : "not_ready", ...(failing.length > 0 ? { failing } : {}), checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
