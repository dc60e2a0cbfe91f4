"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectOption } from "@/components/ui/select";
import type { Role } from "@/lib/domain/roles";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";

/** Role select and remove button for one member; the server refuses demoting the last admin. */
export function MemberActions({ workspaceSlug, userId, role, label }: { workspaceSlug: string; userId: string; role: Role; label: string }) {
  const [resetLink, setResetLink] = useState<string | null>(null);
  const url = `${api.workspace(workspaceSlug)}/members/${userId}`;
  const action = useApiMutation({ mutationFn: (call: () => Promise<unknown>) => call() });
  const run = (call: () => Promise<unknown>) => action.mutate(call);
  const pending = action.isPending;
  const error = action.error?.message ?? null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={`Role of ${label}`}
        className="h-8"
        defaultValue={role}
        disabled={pending}
        onChange={(event) => run(() => api.patch(url, { role: event.target.value }))}
      >
        <SelectOption value="viewer">Viewer</SelectOption>
        <SelectOption value="editor">Editor</SelectOption>
        <SelectOption value="admin">Admin</SelectOption>
      </Select>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (window.confirm(`Remove ${label} from this workspace?`)) run(() => api.delete(url));
        }}
      >
        Remove
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (window.confirm(`Sign ${label} out on every device?`)) run(() => api.delete(`${url}/sessions`));
        }}
      >
        Sign out everywhere
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await api.post<{ data: { link: string } }>(`${url}/reset-link`);
            setResetLink(result.data.link);
          })
        }
      >
        Reset link
      </Button>
      {resetLink ? (
        <code data-testid="reset-link" className="block break-all text-xs">
          {resetLink}
        </code>
      ) : null}
      {error ? (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      ) : null}
    </div>
  );
}
