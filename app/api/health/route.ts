import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/services/health/check-database";

export const dynamic = "force-dynamic";

/** Liveness (the process answers) and readiness (the database answers). */
export async function GET() {
  const database = await checkDatabase();
  const ready = database.ok;
  return NextResponse.json({ status: ready ? "ok" : "degraded", checks: { database } }, { status: ready ? 200 : 503 });
}
