"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { splitTags, TAG_SEPARATORS_LABEL } from "@/lib/domain/tags";

interface EditableAccount {
  id: string;
  label: string;
  displayName: string | null;
  organization: string | null;
  tags: string[];
  isCore: boolean;
  active: boolean;
}

/** Edit, deactivate (keeps history, skips daily snapshots) and delete (drops history) for editors. */
export function AccountEditor({ workspaceSlug, account }: { workspaceSlug: string; account: EditableAccount }) {
  const router = useRouter();
  const url = `${api.workspace(workspaceSlug)}/accounts/${account.id}`;
  const save = useApiMutation({ mutationFn: (body: Record<string, unknown>) => api.patch(url, body) });
  const remove = useApiMutation({ mutationFn: () => api.delete(url), refresh: false, onSuccess: () => router.push(`/${workspaceSlug}/accounts`) });
  const pending = save.isPending || remove.isPending;
  const error = (save.error ?? remove.error)?.message ?? null;
  const saved = save.isSuccess;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const tags = splitTags(String(data.get("tags") ?? ""));
    save.mutate({
      displayName: String(data.get("displayName") ?? ""),
      organization: String(data.get("organization") ?? ""),
      tags,
      isCore: data.get("isCore") === "on",
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1">
          <Label htmlFor="account-name">Display name</Label>
          <Input id="account-name" name="displayName" defaultValue={account.displayName ?? ""} maxLength={200} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="account-organization">Organization</Label>
          <Input id="account-organization" name="organization" defaultValue={account.organization ?? ""} maxLength={200} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="account-tags">Tags (separated by {TAG_SEPARATORS_LABEL})</Label>
          <Input id="account-tags" name="tags" defaultValue={account.tags.join("; ")} />
        </div>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="isCore" defaultChecked={account.isCore} className="size-4" />
          Core account (scraped first)
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            Save
          </Button>
          <Button type="button" variant="outline" disabled={pending} onClick={() => save.mutate({ active: !account.active })}>
            {account.active ? "Deactivate" : "Reactivate"}
          </Button>
          <Button
            type="button"
            variant="destructive"
            disabled={pending}
            onClick={() => {
              if (window.confirm(`Delete ${account.label} and its whole history? Deactivating keeps the history.`)) {
                remove.mutate();
              }
            }}
          >
            Delete
          </Button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="text-sm text-muted-foreground">
          Saved.
        </p>
      ) : null}
    </div>
  );
}
