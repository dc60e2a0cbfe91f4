"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "@/components/api/api-client";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { RunView } from "@/lib/services/job-runs/list-runs";
import { JobsTable } from "./jobs-table";
import { PostRunForm, type SheetTarget } from "./post-run-form";
import { RunNowForm, type SnapshotTarget } from "./run-now-form";

interface JobsBoardProps {
  slug: string;
  canEdit: boolean;
  initialRuns: RunView[];
  targets: SnapshotTarget[];
  sheets: SheetTarget[];
}

const ACTIVE = new Set(["queued", "running"]);

/** The Jobs page's live part: TanStack Query polls every second while a run is active, every 15 s otherwise. */
export function JobsBoard({ slug, canEdit, initialRuns, targets, sheets }: JobsBoardProps) {
  const base = `/api/v1/workspaces/${slug}/jobs`;
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: ["jobs", slug],
    queryFn: async () => (await callApi<{ data: RunView[] }>(base, { method: "GET" })).data,
    initialData: initialRuns,
    staleTime: 500,
    refetchInterval: (query) => (query.state.data?.some((run) => ACTIVE.has(run.status)) ? 1_000 : 15_000),
  });
  const mutate = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => callApi(url, { method: "POST", body }),
    onMutate: () => setError(null),
    onError: (failure: Error) => setError(failure.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["jobs", slug] }),
  });

  return (
    <div className="space-y-4">
      {canEdit ? (
        <div className="flex flex-wrap items-end justify-between gap-3">
          <RunNowForm targets={targets} pending={mutate.isPending} onRun={(body) => mutate.mutate({ url: base, body })} />
          <PostRunForm sheets={sheets} pending={mutate.isPending} onRun={(body) => mutate.mutate({ url: base, body })} />
        </div>
      ) : null}
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <JobsTable
        slug={slug}
        runs={runs.data}
        sheets={sheets}
        canEdit={canEdit}
        busy={mutate.isPending}
        onAction={(runId, action) => mutate.mutate({ url: `${base}/${runId}`, body: { action } })}
      />
    </div>
  );
}
