import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. No I/O, so a slow database never gets a healthy process restarted; /api/ready checks dependencies. */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
