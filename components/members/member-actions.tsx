"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectOption } from "@/components/ui/select";
import type { Role } from "@/lib/domain/roles";
import { callApi } from "./api-client";

/** Role select and remove button for one member; the server refuses demoting the last admin. */
export function MemberActions({ workspaceSlug, userId, role, label }: { workspaceSlug: string; userId: string; role: Role; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [resetLink, setResetLink] = useState<string | null>(null);
  const url = `/api/v1/workspaces/${workspaceSlug}/members/${userId}`;

  async function run(action: () => Promise<unknown>) {
    setPending(true);
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={`Role of ${label}`}
        className="h-8"
        defaultValue={role}
        disabled={pending}
        onChange={(event) => void run(() => callApi(url, { method: "PATCH", body: { role: event.target.value } }))}
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
          if (window.confirm(`Remove ${label} from this workspace?`)) void run(() => callApi(url, { method: "DELETE" }));
        }}
      >
        Remove
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (window.confirm(`Sign ${label} out on every device?`)) void run(() => callApi(`${url}/sessions`, { method: "DELETE" }));
        }}
      >
        Sign out everywhere
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          void run(async () => {
            const result = await callApi<{ data: { link: string } }>(`${url}/reset-link`, { method: "POST" });
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
