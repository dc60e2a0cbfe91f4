import { getServerSession, type NextAuthOptions } from "next-auth";
import { redirect } from "next/navigation";
import type { UserClaims } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { authOptions } from "./options";

/** The RLS claims of the signed-in user, taken from the session; null when signed out. */
export async function getSessionClaims(options: NextAuthOptions = authOptions): Promise<UserClaims | null> {
  const session = await getServerSession(options);
  const id = session?.user?.id;
  return id ? { sub: id, email: session.user?.email ?? null } : null;
}

/** For pages: the claims, or a redirect to sign-in. */
export async function requirePageClaims(): Promise<UserClaims> {
  const claims = await getSessionClaims();
  if (!claims) redirect("/sign-in");
  return claims;
}

/** For route handlers: the claims, or an `unauthenticated` error mapped to 401. */
export async function requireApiClaims(options: NextAuthOptions = authOptions): Promise<UserClaims> {
  const claims = await getSessionClaims(options);
  if (!claims) throw new AppError("unauthenticated");
  return claims;
}
