import type { NextResponse } from "next/server";
import { isRefused } from "./in-flight";
import { problem } from "./problem";

/**
 * 503 overloaded with Retry-After for a request the in-flight tracker refused (this instance was at
 * MAX_CONCURRENT_REQUESTS when it arrived), so a burst is refused at once instead of queueing into
 * timeouts; null otherwise.
 */
export function refuseWhenOverloaded(headers: Headers): NextResponse | null {
  if (!isRefused(headers)) return null;
  return problem("overloaded", undefined, undefined, { "Retry-After": "1", "Cache-Control": "no-store" });
}
