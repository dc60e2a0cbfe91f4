import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireApiClaims } from "@/lib/auth/session";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/origin-check";
import { toProblem } from "@/lib/http/problem";
import { deleteMyAccount } from "@/lib/services/users/delete-my-account";

const confirmation = z.object({ confirmEmail: z.string().trim().toLowerCase() });

/** DELETE /api/v1/me — deletes the signed-in user's account; the body repeats their email. */
export async function DELETE(request: NextRequest) {
  try {
    const claims = await requireApiClaims();
    assertSameOrigin(request, env.appUrl);
    const body = confirmation.parse(await request.json().catch(() => ({})));
    if (body.confirmEmail !== (claims.email ?? "").toLowerCase()) throw new AppError("invalid_input", "Type your email address to confirm.");
    await withServiceDb((db) => deleteMyAccount(db, claims.sub));
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return toProblem(error);
  }
}
