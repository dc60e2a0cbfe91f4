"use client";

import type { FormEvent } from "react";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function WorkspaceForm({
  slug,
  name,
  timezone,
  snapshotTime,
  requireTwoFactor,
}: {
  slug: string;
  name: string;
  timezone: string;
  snapshotTime: string | null;
  requireTwoFactor: boolean;
}) {
  const save = useApiMutation({
    mutationFn: (body: { name: string; timezone: string; snapshotTime: string | null; requireTwoFactor: boolean }) => api.patch(api.workspace(slug), body),
  });
  const message = save.isSuccess ? { ok: true, text: "Saved." } : save.error ? { ok: false, text: save.error.message } : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({
      name: String(data.get("name") ?? ""),
      timezone: String(data.get("timezone") ?? ""),
      snapshotTime: String(data.get("snapshotTime") ?? "") || null,
      requireTwoFactor: data.get("requireTwoFactor") === "on",
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-3">
      <div className="grid gap-1">
        <Label htmlFor="workspace-name">Name</Label>
        <Input id="workspace-name" name="name" defaultValue={name} maxLength={100} required />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="workspace-timezone">Timezone</Label>
        <Input id="workspace-timezone" name="timezone" defaultValue={timezone} maxLength={64} required />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="workspace-snapshot-time">Daily snapshot time</Label>
        <Input id="workspace-snapshot-time" name="snapshotTime" type="time" defaultValue={snapshotTime ?? ""} className="w-36" />
        <p className="text-xs text-muted-foreground">In the workspace&apos;s timezone; empty uses the server default (06:00 unless configured).</p>
      </div>
      <div className="grid gap-1">
        <label className="flex items-center gap-2 text-sm font-medium" htmlFor="workspace-require-two-factor">
          <input id="workspace-require-two-factor" name="requireTwoFactor" type="checkbox" defaultChecked={requireTwoFactor} className="size-4" />
          Require two-factor sign-in
        </label>
        <p className="text-xs text-muted-foreground">
          Members without it are sent to set it up before they can open this workspace. Turn it on for your own account first (Your account).
        </p>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          Save
        </Button>
        {message ? (
          <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-muted-foreground" : "text-sm text-destructive"}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
