import { randomUUID } from "node:crypto";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import type { Db } from "@/lib/db/client";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import type { ProxyTrust } from "@/lib/http/client-ip";
import { safeRedirectUrl } from "@/lib/http/safe-callback";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import type { RateLimiters } from "@/lib/rate-limit/rate-limiters";
import { recordSignIn } from "@/lib/services/audit/record-sign-in";
import { supabaseAuthEnabled, verifyWithSupabase } from "@/lib/services/auth/supabase-auth";
import { resolveGoogleSignIn } from "@/lib/services/auth/resolve-google-sign-in";
import { currentSessionVersion, isSessionLive, revokeSession } from "@/lib/services/auth/session-state";
import { checkPassword } from "@/lib/services/auth/verify-password";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";
import { redeemSecondFactor } from "@/lib/services/two-factor/redeem-second-factor";
import { authorizeCredentials } from "./authorize-credentials";
import { issueGoogleTicket, openGoogleTicket } from "./google-second-factor";

export { signInSchema } from "./authorize-credentials";

/** What the auth configuration depends on; the app passes the process's, tests their own. */
export interface AuthDeps {
  secret: string;
  useSecureCookies: boolean;
  proxyTrust: ProxyTrust;
  google: { clientId: string; clientSecret: string; allowedDomains: string[] } | null;
  serviceDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  rateLimiters(): Promise<RateLimiters>;
  /** Supabase Auth checks the password when configured, else auth.users does. */
  externalVerify?: (email: string, password: string) => Promise<{ id: string; email: string } | null>;
}

const GOOGLE_ERRORS = {
  unverified: "GoogleUnverified",
  domain: "DomainNotAllowed",
  no_invitation: "NoInvitation",
  unverified_account: "AccountUnverified",
} as const;

const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

export function createAuthOptions(deps: AuthDeps): NextAuthOptions {
  const verify = (email: string, password: string) =>
    deps.externalVerify ? deps.externalVerify(email, password) : deps.serviceDb((db) => checkPassword(db, { email, password }));
  const credentialDeps = {
    proxyTrust: deps.proxyTrust,
    rateLimiters: deps.rateLimiters,
    verify,
    openTicket: (ticket: string) => openGoogleTicket(deps.secret, ticket),
    secondFactor: (userId: string, code: string) => deps.serviceDb((db) => redeemSecondFactor(db, { userId, code })),
    recordSignIn: (input: Parameters<typeof recordSignIn>[1]) => deps.serviceDb((db) => recordSignIn(db, input)),
  };
  const google = deps.google;
  return {
    secret: deps.secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // Over https: __Secure-/__Host- cookie names, Secure, httpOnly, SameSite=Lax (next-auth's defaults).
    useSecureCookies: deps.useSecureCookies,
    providers: [
      ...(google ? [GoogleProvider({ clientId: google.clientId, clientSecret: google.clientSecret })] : []),
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Two-factor code", type: "text" },
          ticket: { label: "Google sign-in ticket", type: "hidden" },
        },
        authorize: (credentials, request) => authorizeCredentials(credentialDeps, credentials, request?.headers),
      }),
    ],
    callbacks: {
      // Every redirect next-auth makes (callbackUrl after sign-in or sign-out) stays on this origin.
      redirect: async ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      // A Google account is only a way in to the auth.users row of the same email; see resolveGoogleSignIn.
      async signIn({ user, account, profile }) {
        if (account?.provider !== "google") return true;
        const verified = (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
        const result = await deps.serviceDb((db) =>
          resolveGoogleSignIn(db, { email: user.email ?? "", emailVerified: verified, allowedDomains: google?.allowedDomains ?? [] }),
        );
        if (!result.ok) return `/sign-in?error=${GOOGLE_ERRORS[result.reason]}`;
        // Google passed the first factor only: the sign-in page asks for the code with a short-lived ticket.
        const { enabled } = await deps.serviceDb((db) => getTwoFactorStatus(db, result.userId));
        if (enabled) {
          const ticket = await issueGoogleTicket(deps.secret, { id: result.userId, email: (user.email ?? "").trim().toLowerCase() });
          return `/sign-in?${new URLSearchParams({ ticket })}`;
        }
        user.id = result.userId;
        await deps.serviceDb((db) => recordSignIn(db, { email: user.email ?? "", userId: result.userId, ip: null }));
        return true;
      },
      // A JWT cannot be recalled, so each one names its session (sid) and the user's session version
      // (sv) at sign-in; a signed-out sid or a bumped version turns it into an empty token.
      async jwt({ token, user }) {
        if (user) {
          const version = await deps.serviceDb((db) => currentSessionVersion(db, user.id));
          return { ...token, sub: user.id, sid: randomUUID(), sv: version };
        }
        const { sub, sid, sv } = token;
        if (!sub || typeof sid !== "string" || typeof sv !== "number") return {};
        const live = await deps.serviceDb((db) => isSessionLive(db, { userId: sub, sessionId: sid, version: sv }));
        return live ? token : {};
      },
      async session({ session, token }) {
        if (!token.sub) return { expires: session.expires } as Session;
        if (session.user) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        const { sub, sid } = token ?? {};
        if (!sub || typeof sid !== "string") return;
        const expiresAt = new Date((typeof token.exp === "number" ? token.exp : Date.now() / 1000 + SESSION_MAX_AGE_SECONDS) * 1000);
        await deps.serviceDb((db) => revokeSession(db, { sessionId: sid, userId: sub, expiresAt }));
      },
    },
  };
}

export const googleEnabled = Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET);

export const authOptions: NextAuthOptions = createAuthOptions({
  secret: env.authSecret,
  // In production the URL is https unless ALLOW_INSECURE_COOKIES=1 said otherwise (lib/env.ts).
  useSecureCookies: env.appUrl?.startsWith("https://") ?? false,
  proxyTrust: { trustedProxyHops: env.TRUSTED_PROXY_HOPS, vercel: env.VERCEL },
  google: googleEnabled
    ? { clientId: env.GOOGLE_CLIENT_ID ?? "", clientSecret: env.GOOGLE_CLIENT_SECRET ?? "", allowedDomains: env.GOOGLE_ALLOWED_DOMAINS }
    : null,
  serviceDb: withServiceDb,
  rateLimiters: getRateLimiters,
  externalVerify: supabaseAuthEnabled() ? (email, password) => verifyWithSupabase(email, password) : undefined,
});
