import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { googleEnabled } from "@/lib/auth/options";
import { getSessionClaims } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/http/safe-callback";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const SIGN_IN_ERRORS: Record<string, string> = {
  NoInvitation: "There is no Reach account or invitation for this Google address. Ask an admin to invite you.",
  DomainNotAllowed: "Google sign-in is limited to your organization's domains.",
  GoogleUnverified: "Google has not verified this email address.",
  AccountUnverified: "The Reach account for this address was never verified, so Google cannot sign in to it. Sign in with its password.",
  RateLimited: "Too many attempts. Try again later.",
  Unavailable: "Sign-in is temporarily unavailable; try again shortly.",
  AccessDenied: "Sign-in was refused.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionClaims()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm
        callbackUrl={callbackUrl}
        google={googleEnabled}
        error={SIGN_IN_ERRORS[String(params.error ?? "")] ?? null}
        googleTicket={typeof params.ticket === "string" ? params.ticket.slice(0, 4096) : null}
      />
    </main>
  );
}
