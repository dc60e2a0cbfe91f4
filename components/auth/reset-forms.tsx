"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ResetState } from "@/app/reset-password/actions";

type Action = (previous: ResetState, form: FormData) => Promise<ResetState>;
const initial: ResetState = { error: null, done: false };

function Problem({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="text-sm text-destructive">
      {error}
    </p>
  ) : null;
}

export function ResetRequestForm({ action }: { action: Action }) {
  const [state, submit, pending] = useActionState(action, initial);
  if (state.done) return <p role="status">If this address has an account, a link to choose a new password is on its way. It works once, for 30 minutes.</p>;
  return (
    <form action={submit} className="grid gap-4">
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="email" maxLength={254} required />
      </div>
      <Problem error={state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ action, email }: { action: Action; email: string }) {
  const [state, submit, pending] = useActionState(action, initial);
  if (state.done) {
    return (
      <p role="status">
        Your password is changed and every session was signed out.{" "}
        <Link className="underline underline-offset-4" href="/sign-in">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <form action={submit} className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        New password for <strong>{email}</strong>.
      </p>
      <div className="grid gap-2">
        <Label htmlFor="password">New password</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={12} maxLength={200} required />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="confirm">Repeat the password</Label>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" maxLength={200} required />
      </div>
      <Problem error={state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set the new password"}
      </Button>
    </form>
  );
}
