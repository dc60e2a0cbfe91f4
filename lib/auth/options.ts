import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { supabaseAuthEnabled, verifyWithSupabase } from "@/lib/services/auth/supabase-auth";
import { verifyPassword } from "@/lib/services/auth/verify-password";

export const signInSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

async function verify(email: string, password: string) {
  if (supabaseAuthEnabled()) return verifyWithSupabase(email, password);
  return withServiceDb((db) => verifyPassword(db, email, password));
}

const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

export const authOptions: NextAuthOptions = {
  secret: env.authSecret,
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Over https: __Secure-/__Host- cookie names, Secure, httpOnly, SameSite=Lax (next-auth's defaults).
  useSecureCookies: secure,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // The route in app/api/auth refuses rate-limited callers before this runs.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const key = { ip: clientIp(new Headers(request?.headers as Record<string, string> | undefined)), email };
        const user = await verify(email, password);
        const limiters = await getRateLimiters();
        await withServiceDb((db) =>
          recordAudit(db, {
            workspaceId: null,
            actorId: user?.id ?? null,
            action: user ? "auth.sign_in" : "auth.sign_in_failed",
            entity: "user",
            entityId: user?.id ?? null,
            details: { email: email.toLowerCase(), ip: key.ip },
          }),
        );
        if (!user) {
          await limiters.recordSignInFailure(key);
          return null;
        }
        await limiters.resetSignIn(key);
        return { id: user.id, email: user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
