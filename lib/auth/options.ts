import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { z } from "zod";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { recordSignIn } from "@/lib/services/audit/record-sign-in";
import { supabaseAuthEnabled, verifyWithSupabase } from "@/lib/services/auth/supabase-auth";
import { resolveGoogleSignIn } from "@/lib/services/auth/resolve-google-sign-in";
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

export const googleEnabled = Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET);

const GOOGLE_ERRORS = { unverified: "GoogleUnverified", domain: "DomainNotAllowed", no_invitation: "NoInvitation" } as const;

export const authOptions: NextAuthOptions = {
  secret: env.authSecret,
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Over https: __Secure-/__Host- cookie names, Secure, httpOnly, SameSite=Lax (next-auth's defaults).
  useSecureCookies: secure,
  providers: [
    ...(googleEnabled ? [GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID ?? "", clientSecret: env.GOOGLE_CLIENT_SECRET ?? "" })] : []),
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // The route in app/api/auth counts the attempt (and refuses rate-limited callers) before this runs.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const key = { ip: clientIp(new Headers(request?.headers as Record<string, string> | undefined)), email };
        const user = await verify(email, password);
        const limiters = await getRateLimiters();
        await withServiceDb((db) => recordSignIn(db, { email, userId: user?.id ?? null, ip: key.ip }));
        if (!user) return null;
        await limiters.resetSignIn(key);
        return { id: user.id, email: user.email };
      },
    }),
  ],
  callbacks: {
    // A Google account is only a way in to the auth.users row of the same email; see resolveGoogleSignIn.
    async signIn({ user, account, profile }) {
      if (account?.provider !== "google") return true;
      const verified = (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
      const result = await withServiceDb((db) =>
        resolveGoogleSignIn(db, { email: user.email ?? "", emailVerified: verified, allowedDomains: env.GOOGLE_ALLOWED_DOMAINS }),
      );
      if (!result.ok) return `/sign-in?error=${GOOGLE_ERRORS[result.reason]}`;
      user.id = result.userId;
      return true;
    },
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
