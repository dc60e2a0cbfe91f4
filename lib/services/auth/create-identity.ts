import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { authUsers } from "@/lib/db/auth-schema";
import { endAllSessions } from "./session-state";
import { createSupabaseUser, supabaseAuthEnabled } from "./supabase-auth";
import { env } from "@/lib/env";

/** Whether the account's address was ever proven; Google and other workspaces' invitations rely on it. */
export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const [user] = await db.select({ at: authUsers.emailConfirmedAt }).from(authUsers).where(sql`${authUsers.id} = ${userId}`);
  return Boolean(user?.at);
}

/** The operator vouches for an address (user:create). */
export async function markEmailVerified(db: Db, userId: string): Promise<void> {
  await db.update(authUsers).set({ emailConfirmedAt: new Date() }).where(sql`${authUsers.id} = ${userId} and ${authUsers.emailConfirmedAt} is null`);
}

export async function findEmailByUserId(db: Db, userId: string): Promise<string | null> {
  const [user] = await db.select({ email: authUsers.email }).from(authUsers).where(sql`${authUsers.id} = ${userId}`);
  return user?.email ?? null;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [user] = await db
    .select({ id: authUsers.id })
    .from(authUsers)
    .where(sql`lower(${authUsers.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user?.id ?? null;
}

/**
 * Creates a sign-in identity and returns its auth.users id: through Supabase Auth in Supabase
 * mode, else a row in auth.users with a bcrypt hash (BCRYPT_COST, 10 by default), as Supabase stores it.
 */
export async function createIdentity(db: Db, { email, password, emailVerified }: { email: string; password: string; emailVerified: boolean }): Promise<string> {
  if (supabaseAuthEnabled()) return createSupabaseUser(email, password, { emailVerified });
  const id = randomUUID();
  await db.insert(authUsers).values({
    id,
    email: email.toLowerCase(),
    encryptedPassword: await bcrypt.hash(password, env.BCRYPT_COST),
    emailConfirmedAt: emailVerified ? new Date() : null,
    rawAppMetaData: { provider: "email", providers: ["email"] },
    rawUserMetaData: {},
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  return id;
}

/** A new password ends every session of the user: whoever knew the old one is signed out. */
export async function setPassword(db: Db, { userId, password }: { userId: string; password: string }): Promise<void> {
  await endAllSessions(db, userId);
  await db
    .update(authUsers)
    .set({ encryptedPassword: await bcrypt.hash(password, env.BCRYPT_COST), updatedAt: new Date() })
    .where(sql`${authUsers.id} = ${userId}`);
}
