import { NextResponse } from "next/server";
import { requireApiClaims } from "@/lib/auth/session";
import { withServiceDb } from "@/lib/db/service";
import { toProblem } from "@/lib/http/problem";
import { exportMyData } from "@/lib/services/users/export-my-data";

/** GET /api/v1/me/export — everything stored about the signed-in user, as a JSON download. */
export async function GET() {
  try {
    const claims = await requireApiClaims();
    const data = await withServiceDb((db) => exportMyData(db, claims.sub));
    return NextResponse.json(data, { headers: { "content-disposition": 'attachment; filename="reach-my-data.json"', "cache-control": "no-store" } });
  } catch (error) {
    return toProblem(error);
  }
}
