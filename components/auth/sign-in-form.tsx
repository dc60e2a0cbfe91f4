"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TOTP_REQUIRED_ERROR } from "@/lib/domain/sign-in-errors";
import { safeCallbackPath } from "@/lib/http/safe-callback";

export function SignInForm({
  callbackUrl,
  google,
  error: initialError,
  googleTicket,
}: {
  callbackUrl: string;
  google: boolean;
  error: string | null;
  /** Set when Google signed in an account that also needs its code. */
  googleTicket: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  // The second step keeps the first factor (email and password, or Google's ticket) in memory: the
  // server checks it again with the code.
  const [credentials, setCredentials] = useState<Record<string, string> | null>(googleTicket ? { ticket: googleTicket } : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const entered: Record<string, string> = credentials ?? { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const code = credentials ? String(form.get("code") ?? "") : undefined;
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...entered, ...(code === undefined ? {} : { code }), redirect: false });
    setPending(false);
    if (result?.error === TOTP_REQUIRED_ERROR && !credentials) {
      setCredentials(entered);
      return;
    }
    if (!result || result.error) {
      if (result?.status === 429) setError("Too many attempts. Try again later.");
      else setError(credentials ? "That code is not right, or it was already used." : "Wrong email or password.");
      return;
    }
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle className="text-2xl">
          <h1>Sign in to Reach</h1>
        </CardTitle>
        <CardDescription>
          {credentials ? "Enter the 6-digit code from your authenticator app, or one of your recovery codes." : "Use your work email and password."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {/* method="post": a submit before hydration must never put the password in the URL. */}
        <form onSubmit={onSubmit} method="post" className="grid gap-4" noValidate>
          {credentials ? (
            <div className="grid gap-2">
              <Label htmlFor="code">Two-factor code</Label>
              <Input id="code" name="code" autoComplete="one-time-code" inputMode="text" maxLength={40} autoFocus required />
            </div>
          ) : (
            <>
              <div className="grid gap-2">
                <Label htmlFor="email">Email</Label>
                <Input id="email" name="email" type="email" autoComplete="email" maxLength={254} required />
              </div>
              <div className="grid gap-2">
                <Label htmlFor="password">Password</Label>
                <Input id="password" name="password" type="password" autoComplete="current-password" maxLength={200} required />
              </div>
            </>
          )}
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <Button type="submit" disabled={pending} className="w-full">
            {pending ? "Signing in…" : credentials ? "Verify" : "Sign in"}
          </Button>
          {credentials ? (
            <Button
              type="button"
              variant="ghost"
              className="w-full"
              onClick={() => {
                setCredentials(null);
                router.replace(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}`);
              }}
            >
              Use another account
            </Button>
          ) : null}
          <Link className="text-center text-sm underline underline-offset-4" href="/reset-password">
            Forgot your password?
          </Link>
        </form>
        {google ? (
          <Button type="button" variant="outline" className="mt-3 w-full" onClick={() => void signIn("google", { callbackUrl: safeCallbackPath(callbackUrl) })}>
            Continue with Google
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
