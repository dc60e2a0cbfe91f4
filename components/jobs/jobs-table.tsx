"use client";

import { Activity } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/layout/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { errorHelp } from "@/lib/domain/error-help";
import { describeRetrying } from "@/lib/domain/run-retrying";
import { isJobKind, JOB_KIND_LABELS } from "@/lib/domain/job-kinds";
import { formatBytes, formatDuration, PLATFORM_LABELS } from "@/lib/format";
import type { RunView } from "@/lib/services/job-runs/list-runs";
import type { SheetTarget } from "./post-run-form";

const OUTCOMES = ["succeeded", "failed", "skipped"] as const;

/** The clock for running runs' durations; null until mounted, so server and browser render the same first HTML. */
function useNow(active: boolean) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active]);
  return now;
}

function ErrorGroups({ slug, run, errors }: { slug: string; run: RunView; errors: [string, number][] }) {
  const failed = run.kind === "posts.pipeline" ? { href: `/${slug}/posts?status=failed`, label: "failed posts" } : { href: `/${slug}/accounts?health=failing`, label: "failing accounts" };
  const total = errors.reduce((sum, [, n]) => sum + n, 0);
  return (
    <details className="mt-1 text-muted-foreground" data-testid="job-errors">
      <summary className="cursor-pointer">
        {total} {total === 1 ? "error" : "errors"}: {errors.map(([key, n]) => `${key.slice(6).replaceAll("_", " ")} ${n}`).join(" · ")}
      </summary>
      <ul className="mt-1 max-w-md space-y-1 whitespace-normal">
        {errors.map(([key, n]) => {
          const help = errorHelp(key.slice(6));
          return (
            <li key={key}>
              <span className="font-medium text-foreground">{key.slice(6).replaceAll("_", " ")} ({n})</span>: {help.reason} {help.next}
            </li>
          );
        })}
      </ul>
      <Link href={failed.href} className="mt-1 inline-block underline underline-offset-4">
        See the {failed.label}
      </Link>
    </details>
  );
}

function scopeOf(run: RunView, sheets: SheetTarget[]): string {
  if (typeof run.params.accountId === "string") return "one account";
  if (typeof run.params.platform === "string") return PLATFORM_LABELS[run.params.platform] ?? run.params.platform;
  if (run.kind === "posts.pipeline") {
    if (typeof run.params.sheetSourceId !== "string") return "all posts";
    return sheets.find((sheet) => sheet.id === run.params.sheetSourceId)?.label ?? "one sheet";
  }
  return run.kind === "accounts.snapshot" ? "all accounts" : "";
}

function statusVariant(status: RunView["status"]) {
  if (status === "failed") return "destructive" as const;
  if (status === "succeeded") return "secondary" as const;
  if (status === "partial") return "warning" as const;
  return "outline" as const;
}

export function JobsTable({
  slug,
  runs,
  sheets,
  canEdit,
  busy,
  onAction,
}: {
  slug: string;
  runs: RunView[];
  sheets: SheetTarget[];
  canEdit: boolean;
  busy: boolean;
  onAction: (runId: string, action: "cancel" | "retry") => void;
}) {
  const now = useNow(runs.some((run) => run.status === "running"));
  if (runs.length === 0) {
    return <EmptyState icon={Activity} title="No runs yet" description="Runs appear here when a scheduled or manual job starts." />;
  }
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table stack>
        <TableHeader>
          <TableRow>
            <TableHead>Job</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="w-44">Progress</TableHead>
            <TableHead className="hidden md:table-cell">Outcomes</TableHead>
            <TableHead className="hidden sm:table-cell">Duration</TableHead>
            {canEdit ? <TableHead className="text-right">Actions</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => {
            const total = run.progressTotal ?? 0;
            const percent = total > 0 ? Math.round((run.progressDone / total) * 100) : run.status === "succeeded" ? 100 : 0;
            const finished = run.status === "succeeded" || run.status === "partial" || run.status === "failed";
            const started = run.startedAt ? Date.parse(run.startedAt) : null;
            const ended = run.finishedAt ? Date.parse(run.finishedAt) : run.status === "running" ? now : null;
            const errors = Object.entries(run.counters).filter(([key, value]) => key.startsWith("error:") && value > 0);
            const active = run.status === "queued" || run.status === "running";
            const retryable = run.status === "interrupted" || (finished && (run.counters.failed ?? 0) > 0);
            return (
              <TableRow key={run.id} data-testid="job-run" data-run-id={run.id} data-status={run.status}>
                <TableCell className="max-sm:basis-full">
                  <div className="font-medium">
                    {isJobKind(run.kind) ? JOB_KIND_LABELS[run.kind] : run.kind}
                    {scopeOf(run, sheets) ? <span className="font-normal text-muted-foreground"> · {scopeOf(run, sheets)}</span> : null}
                  </div>
                  <div className="text-xs text-muted-foreground">
                    {run.trigger === "cron" ? "scheduled" : run.trigger}
                    {run.triggeredBy ? ` by ${run.triggeredBy.name ?? "a member"}` : ""} ·{" "}
                    {(run.startedAt ?? run.createdAt).replace("T", " ").slice(0, 16)} UTC
                  </div>
                </TableCell>
                <TableCell>
                  <Badge variant={statusVariant(run.status)}>{run.status}</Badge>
                  {run.error ? (
                    <div className="mt-1 line-clamp-3 max-w-56 break-words text-xs text-muted-foreground" title={run.error}>
                      {run.error}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell className="max-sm:basis-full">
                  <Progress value={percent} aria-label={`Progress of run ${run.id}`} data-testid="job-progress" />
                  <span className="text-xs tabular-nums text-muted-foreground" data-testid="job-progress-text">
                    {run.progressDone} / {run.progressTotal ?? "?"} · {percent}%
                  </span>
                  {describeRetrying(run.status, run.params.retrying) ? (
                    <div className="text-xs text-amber-700 dark:text-amber-400" data-testid="job-retrying">
                      {describeRetrying(run.status, run.params.retrying)}
                    </div>
                  ) : null}
                  {run.kind === "posts.pipeline" && run.counters.slidesTotal !== undefined ? (
                    <div className="text-xs tabular-nums text-muted-foreground" data-testid="job-slides-text">
                      slides {run.counters.slidesStored ?? 0} / {run.counters.slidesTotal} · {formatBytes(run.counters.slideBytes ?? 0)}
                      {run.counters.slidesFailed ? ` · ${run.counters.slidesFailed} failed` : ""}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell className="hidden text-xs max-sm:block max-sm:basis-full md:table-cell" data-testid="job-outcomes">
                  <div>{OUTCOMES.filter((key) => run.counters[key] !== undefined).map((key) => `${key} ${run.counters[key]}`).join(" · ") || "—"}</div>
                  {errors.length > 0 ? <ErrorGroups slug={slug} run={run} errors={errors} /> : null}
                </TableCell>
                <TableCell className="hidden tabular-nums sm:table-cell" data-label="Duration">{formatDuration(started !== null && ended !== null ? ended - started : null)}</TableCell>
                {canEdit ? (
                  <TableCell className="text-right max-sm:basis-full max-sm:text-left">
                    {active ? (
                      <Button size="sm" variant="outline" disabled={busy} onClick={() => onAction(run.id, "cancel")}>
                        Cancel
                      </Button>
                    ) : null}
                    {retryable ? (
                      <Button size="sm" variant="outline" disabled={busy} onClick={() => onAction(run.id, "retry")}>
                        {run.status === "interrupted" ? "Resume" : "Retry failed"}
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
