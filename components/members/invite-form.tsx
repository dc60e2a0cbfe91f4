"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectOption } from "@/components/ui/select";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";

export function InviteForm({ workspaceSlug }: { workspaceSlug: string }) {
  const invite = useApiMutation({
    mutationFn: ({ body }: { body: { email: string; role: string }; form: HTMLFormElement }) =>
      api.post<{ data: { email: string; emailed: boolean; link?: string } }>(`${api.workspace(workspaceSlug)}/invitations`, body),
    onSuccess: (_result, { form }) => form.reset(),
  });
  const pending = invite.isPending;
  const error = invite.error?.message ?? null;
  const emailedTo = invite.data?.data.emailed ? invite.data.data.email : null;
  const link = invite.data && !invite.data.data.emailed ? (invite.data.data.link ?? null) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate({ body: { email: String(data.get("email") ?? ""), role: String(data.get("role") ?? "viewer") }, form });
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
        <div className="grid gap-1">
          <Label htmlFor="invite-email">Email</Label>
          <Input id="invite-email" name="email" type="email" required maxLength={254} className="w-64" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="invite-role">Role</Label>
          <Select id="invite-role" name="role" defaultValue="viewer">
            <SelectOption value="viewer">Viewer</SelectOption>
            <SelectOption value="editor">Editor</SelectOption>
            <SelectOption value="admin">Admin</SelectOption>
          </Select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {emailedTo ? (
        <p role="status" className="text-sm text-muted-foreground">
          Invitation emailed to {emailedTo}.
        </p>
      ) : null}
      {link ? (
        <div className="rounded-md border bg-muted/40 p-3 text-sm">
          <p className="font-medium">Invitation link — shown once, valid for 72 hours:</p>
          <code data-testid="invitation-link" className="block break-all">
            {link}
          </code>
          <p className="mt-1 text-muted-foreground">No email is sent in this setup: pass the link on yourself.</p>
        </div>
      ) : null}
    </div>
  );
}
