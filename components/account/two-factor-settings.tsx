"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { callApi } from "@/components/api/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

interface Enrolment {
  secret: string;
  uri: string;
  qrCode: string;
}

type Step = { kind: "idle" } | { kind: "scan"; enrolment: Enrolment } | { kind: "codes"; recoveryCodes: string[] };

/** Set-up (secret, QR code, confirming code, recovery codes shown once) and turning it off. */
export function TwoFactorSettings({ enabled, enabledAt, recoveryCodesLeft }: { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number }) {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  // Each step is one call; TanStack Query keeps its pending and error state.
  const action = useMutation({ mutationFn: (work: () => Promise<void>) => work() });
  const pending = action.isPending;
  const error = action.error?.message ?? null;
  const run = (work: () => Promise<void>) => action.mutate(work);

  const start = () =>
    run(async () => {
      const { data } = await callApi<{ data: Enrolment }>("/api/v1/me/two-factor", { method: "POST" });
      setStep({ kind: "scan", enrolment: data });
    });

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    void run(async () => {
      const { data } = await callApi<{ data: { recoveryCodes: string[] } }>("/api/v1/me/two-factor/confirm", { method: "POST", body: { code } });
      setStep({ kind: "codes", recoveryCodes: data.recoveryCodes });
    });
  };

  const disable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get("code") ?? "").trim();
    const password = String(form.get("password") ?? "");
    void run(async () => {
      await callApi("/api/v1/me/two-factor", { method: "DELETE", body: code ? { code } : { password } });
      await signOut({ callbackUrl: "/sign-in" });
    });
  };

  const message = error ? (
    <p role="alert" className="text-sm text-destructive">
      {error}
    </p>
  ) : null;

  if (step.kind === "codes") {
    return (
      <div className="grid gap-3">
        <p className="text-sm">
          Two-factor sign-in is on. Save these recovery codes somewhere safe: each works once in place of a code, and they are not shown again.
        </p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 rounded-md border p-3 font-mono text-sm">
          {step.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p className="text-sm text-muted-foreground">Every session has ended; sign in again with your password and a code.</p>
        <Button type="button" className="w-fit" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
          I saved them, sign in again
        </Button>
      </div>
    );
  }

  if (step.kind === "scan") {
    const { enrolment } = step;
    return (
      <form onSubmit={confirm} className="grid max-w-md gap-3">
        <p className="text-sm">Scan this code with an authenticator app, or enter the key by hand, then type the 6-digit code it shows.</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL rendered on the server, not an optimizable image */}
        <img src={enrolment.qrCode} alt="QR code for your authenticator app" width={192} height={192} className="rounded-md border bg-white p-2" />
        <div className="grid gap-1 text-sm">
          <span className="text-muted-foreground">Key</span>
          <code data-testid="totp-secret" className="break-all font-mono">
            {enrolment.secret}
          </code>
          <a href={enrolment.uri} className="w-fit underline underline-offset-4">
            Open in an authenticator app on this device
          </a>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="enrol-code">Code from the app</Label>
          <Input id="enrol-code" name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={6} className="w-36" required />
        </div>
        {message}
        <Button type="submit" disabled={pending} className="w-fit">
          Turn on
        </Button>
      </form>
    );
  }

  if (!enabled) {
    return (
      <div className="grid gap-3">
        <p className="text-sm text-muted-foreground">Off. With it on, signing in takes your password and a code from an authenticator app.</p>
        {message}
        <Button type="button" disabled={pending} className="w-fit" onClick={() => void start()}>
          Set up two-factor sign-in
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={disable} className="grid max-w-md gap-3">
      <p className="text-sm">
        On since {enabledAt ? enabledAt.slice(0, 10) : "—"}. {recoveryCodesLeft} of 10 recovery codes left.
      </p>
      <p className="text-sm text-muted-foreground">To turn it off, enter a current code or your password. Every session ends.</p>
      <div className="grid gap-1">
        <Label htmlFor="disable-code">Code</Label>
        <Input id="disable-code" name="code" autoComplete="one-time-code" maxLength={40} className="w-48" />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="disable-password">or password</Label>
        <Input id="disable-password" name="password" type="password" autoComplete="current-password" maxLength={200} className="w-64" />
      </div>
      {message}
      <Button type="submit" variant="destructive" disabled={pending} className="w-fit">
        Turn off two-factor sign-in
      </Button>
    </form>
  );
}
