import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionClaims } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(value: string | string[] | undefined): string {
  const target = typeof value === "string" ? value : "/";
  // Only same-site paths: never redirect a user to another origin after sign-in.
  return target.startsWith("/") && !target.startsWith("//") ? target : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getSessionClaims()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm callbackUrl={callbackUrl} />
    </main>
  );
}
