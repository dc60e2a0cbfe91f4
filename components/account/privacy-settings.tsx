"use client";

import { signOut } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { callApi } from "@/components/api/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** The member's own data: a JSON download, and deleting the account (the server refuses a last admin). */
export function PrivacySettings({ email }: { email: string }) {
  const remove = useMutation({
    mutationFn: async (body: { confirmEmail: string; password?: string }) => {
      await callApi("/api/v1/me", { method: "DELETE", body });
      await signOut({ callbackUrl: "/sign-in" });
    },
  });
  const error = remove.error?.message ?? null;
  const pending = remove.isPending || remove.isSuccess;

  function onDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const confirmEmail = String(form.get("confirmEmail") ?? "");
    const password = String(form.get("password") ?? "");
    remove.mutate(password ? { confirmEmail, password } : { confirmEmail });
  }

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <p className="text-sm text-muted-foreground">Everything Reach stores about you, as JSON.</p>
        <Button asChild variant="outline" className="w-fit">
          <a href="/api/v1/me/export" download>
            Download my data
          </a>
        </Button>
      </div>
      <form onSubmit={onDelete} className="grid max-w-md gap-2">
        <p className="text-sm text-muted-foreground">
          Deleting your account removes your memberships and profile and ends every session. It is refused while you are the last admin of a workspace.
        </p>
        <Label htmlFor="confirm-email">Type {email} to confirm</Label>
        <Input id="confirm-email" name="confirmEmail" type="email" autoComplete="off" maxLength={254} required />
        <Label htmlFor="confirm-password">Your password (leave empty if you only sign in with Google)</Label>
        <Input id="confirm-password" name="password" type="password" autoComplete="current-password" maxLength={200} />
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="destructive" disabled={pending} className="w-fit">
          Delete my account
        </Button>
      </form>
    </div>
  );
}
