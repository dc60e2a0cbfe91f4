"use client";

import { useRouter } from "next/navigation";
import { api } from "@/components/api/api-client";
import { useApiMutation } from "@/components/api/use-api-mutation";
import { Button } from "@/components/ui/button";

/** Starts a snapshot run of this one account and opens the Jobs page to watch it. */
export function RunSnapshotButton({ workspaceSlug, accountId }: { workspaceSlug: string; accountId: string }) {
  const router = useRouter();
  const start = useApiMutation({
    mutationFn: () => api.post(`${api.workspace(workspaceSlug)}/jobs`, { accountId }),
    refresh: false,
    onSuccess: () => router.push(`/${workspaceSlug}/jobs`),
  });
  return (
    <div className="space-y-2">
      <Button onClick={() => start.mutate()} disabled={start.isPending}>
        {start.isPending ? "Starting…" : "Run a snapshot"}
      </Button>
      {start.error ? (
        <p role="alert" className="text-sm text-destructive">
          {start.error.message}
        </p>
      ) : null}
    </div>
  );
}
