import bcrypt from "bcryptjs";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { authUsers } from "@/lib/db/auth-schema";
import { env } from "@/lib/env";

export interface VerifiedUser {
  id: string;
  email: string;
}

// Compared against when the email is unknown, so both paths cost one bcrypt comparison at the same cost.
let dummyHash: string | undefined;
const dummy = () => (dummyHash ??= bcrypt.hashSync("reach-no-such-user", env.BCRYPT_COST));

/** Checks an email and password against auth.users (bcrypt, as Supabase stores it), with no side effect: re-authentication. */
export async function checkPassword(db: Db, { email, password }: { email: string; password: string }): Promise<VerifiedUser | null> {
  const [user] = await db
    .select({ id: authUsers.id, email: authUsers.email, hash: authUsers.encryptedPassword })
    .from(authUsers)
    .where(sql`lower(${authUsers.email}) = ${email.toLowerCase()}`)
    .limit(1);
  const matches = await bcrypt.compare(password, user?.hash ?? dummy());
  if (!user || !user.hash || !matches || !user.email) return null;
  return { id: user.id, email: user.email };
}

/** Whether the account signs in with a password (accounts made through Google have none). */
export async function hasPassword(db: Db, userId: string): Promise<boolean> {
  const [user] = await db.select({ hash: authUsers.encryptedPassword }).from(authUsers).where(eq(authUsers.id, userId)).limit(1);
  return Boolean(user?.hash);
}
