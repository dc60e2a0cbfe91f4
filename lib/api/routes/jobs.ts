import { z } from "zod";
import { JOB_STATUSES } from "@/lib/domain/job-status";
import { postRunScopeSchema } from "@/lib/services/posts/start-post-run";
import { snapshotScopeSchema } from "@/lib/services/snapshots/start-snapshot-run";
import { pageQuerySchema } from "../cursor";
import { defineOperation } from "../operation";
import { iso, isoDate, withWorkspace, workspaceParams } from "./common";

const runId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

export const runSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(JOB_STATUSES),
    trigger: z.enum(["cron", "manual", "event"]),
    progressDone: z.number().int(),
    progressTotal: z.number().int().nullable(),
    counters: z.record(z.string(), z.number()),
    params: z.record(z.string(), z.unknown()),
    error: z.string().nullable(),
    triggeredBy: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    createdAt: iso,
    startedAt: iso.nullable(),
    finishedAt: iso.nullable(),
  })
  .meta({ id: "Run" });

const runExample = {
  id: runId,
  kind: "accounts.snapshot",
  status: "succeeded",
  trigger: "cron",
  progressDone: 40,
  progressTotal: 40,
  counters: { succeeded: 39, failed: 1 },
  params: {},
  error: null,
  triggeredBy: null,
  createdAt: "2026-12-01T06:00:00.000Z",
  startedAt: "2026-12-01T06:00:01.000Z",
  finishedAt: "2026-12-01T06:03:10.000Z",
};
const runParams = withWorkspace({ runId: z.uuid() });

export const listRuns = defineOperation({
  id: "listRuns",
  method: "GET",
  path: "/workspaces/{workspace}/jobs",
  tag: "Jobs",
  summary: "Runs of every job kind, newest first, with live progress",
  role: "viewer",
  params: workspaceParams,
  query: pageQuerySchema,
  data: runSchema,
  list: true,
  examples: { response: { data: [runExample], meta: { next_cursor: null } } },
});

export const startRun = defineOperation({
  id: "startRun",
  method: "POST",
  path: "/workspaces/{workspace}/jobs",
  tag: "Jobs",
  summary: "Start a run now (editors): a snapshot run ({}, { platform } or { accountId }) or the post pipeline",
  role: "editor",
  params: workspaceParams,
  body: z.union([postRunScopeSchema, snapshotScopeSchema]),
  data: z.object({ runId: z.uuid(), snapshotDate: isoDate.optional(), statsDate: isoDate.optional() }),
  status: 202,
  errors: ["conflict"],
  examples: { body: { platform: "tiktok" }, response: { data: { runId, snapshotDate: "2026-12-02" }, meta: {} } },
});

export const getRun = defineOperation({
  id: "getRun",
  method: "GET",
  path: "/workspaces/{workspace}/jobs/{runId}",
  tag: "Jobs",
  summary: "One run with its progress and counters",
  role: "viewer",
  params: runParams,
  data: runSchema,
  examples: { response: { data: runExample, meta: {} } },
});

export const actOnRun = defineOperation({
  id: "actOnRun",
  method: "POST",
  path: "/workspaces/{workspace}/jobs/{runId}",
  tag: "Jobs",
  summary: "Cancel a run between steps, or retry its failed and unfinished items (editors)",
  role: "editor",
  params: runParams,
  body: z.object({ action: z.enum(["cancel", "retry"]) }).strict(),
  data: z.object({ runId: z.uuid(), status: z.literal("cancelled").optional(), retryOf: z.uuid().optional() }),
  status: 202,
  errors: ["conflict"],
  examples: { body: { action: "retry" }, response: { data: { runId: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", retryOf: runId }, meta: {} } },
});
