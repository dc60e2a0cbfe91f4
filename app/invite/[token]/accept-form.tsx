"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { acceptInvitationAction, type AcceptState } from "./actions";

const initial: AcceptState = { error: null, acceptedSlug: null };

export function AcceptForm({ token, email, needsPassword }: { token: string; email: string; needsPassword: boolean }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), initial);
  if (state.acceptedSlug) {
    const target = `/${state.acceptedSlug}`;
    return (
      <div className="space-y-2" role="status">
        <p>You have joined the workspace.</p>
        <Link className="underline underline-offset-4" href={needsPassword ? `/sign-in?callbackUrl=${encodeURIComponent(target)}` : target}>
          {needsPassword ? "Sign in with your new password" : "Open the workspace"}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        Joining as <strong>{email}</strong>.
      </p>
      {needsPassword ? (
        <>
          <div className="grid gap-2">
            <Label htmlFor="password">Choose a password</Label>
            <Input id="password" name="password" type="password" autoComplete="new-password" minLength={12} maxLength={200} required />
            <p className="text-xs text-muted-foreground">At least 12 characters; common passwords are refused.</p>
          </div>
          <div className="grid gap-2">
            <Label htmlFor="confirm">Repeat the password</Label>
            <Input id="confirm" name="confirm" type="password" autoComplete="new-password" maxLength={200} required />
          </div>
        </>
      ) : null}
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </form>
  );
}
