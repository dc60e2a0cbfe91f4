import { z } from "zod";
import { PLATFORMS } from "@/lib/domain/platforms";
import { SNAPSHOT_SOURCES } from "@/lib/domain/statuses";
import { createAccountSchema } from "@/lib/services/accounts/create-account";
import { accountHistoryQuerySchema } from "@/lib/services/accounts/get-account";
import { EXPORT_MEDIA_TYPES } from "@/lib/domain/export-formats";
import { listAccountsCursorQuerySchema, listAccountsQuerySchema } from "@/lib/services/accounts/list-accounts";
import { updateAccountSchema } from "@/lib/services/accounts/update-account";
import { defineOperation } from "../operation";
import { exportFormatQuery, iso, isoDate, withWorkspace, workspaceParams } from "./common";

const health = z.enum(["unknown", "healthy", "failing"]);
const accountId = "0b9d6c7e-3f9a-4a57-8d0e-5c8f2b1a9e44";

export const accountRowSchema = z
  .object({
    id: z.uuid(),
    platform: z.enum(PLATFORMS),
    handle: z.string(),
    displayName: z.string().nullable(),
    organization: z.string().nullable(),
    isCore: z.boolean(),
    healthStatus: health,
    lastErrorCode: z.string().nullable(),
    latestDate: isoDate.nullable().meta({ description: "The day of the latest snapshot, in the workspace's timezone; null if never scraped." }),
    followers: z.number().int().nullable().meta({ description: "null when not reported." }),
    approximate: z.boolean().meta({ description: "The platform rounds the figure (1.2M)." }),
    change7d: z.number().int().nullable(),
    change30d: z.number().int().nullable(),
  })
  .meta({ id: "AccountRow" });

const snapshotSchema = z.object({
  date: isoDate,
  followers: z.number().int().nullable(),
  following: z.number().int().nullable(),
  posts: z.number().int().nullable(),
  likes: z.number().int().nullable(),
  approximate: z.boolean(),
  source: z.enum(SNAPSHOT_SOURCES),
  scrapedAt: iso,
  suspectReason: z.string().nullable(),
});

export const accountDetailSchema = z
  .object({
    id: z.uuid(),
    platform: z.enum(PLATFORMS),
    handle: z.string(),
    displayName: z.string().nullable(),
    profileUrl: z.string().nullable(),
    organization: z.string().nullable(),
    tags: z.array(z.string()),
    isCore: z.boolean(),
    active: z.boolean(),
    healthStatus: health,
    lastErrorCode: z.string().nullable(),
    lastErrorAt: iso.nullable(),
    lastSuccessAt: iso.nullable(),
    consecutiveFailures: z.number().int(),
    createdAt: iso,
    history: z.object({ from: isoDate, to: isoDate, snapshots: z.array(snapshotSchema) }),
  })
  .meta({ id: "AccountDetail" });

const accountParams = withWorkspace({ accountId: z.uuid() });
const row = {
  id: accountId,
  platform: "tiktok",
  handle: "reach.demo",
  displayName: "Reach Demo",
  organization: "Comms",
  isCore: true,
  healthStatus: "healthy",
  lastErrorCode: null,
  latestDate: "2026-12-01",
  followers: 12840,
  approximate: false,
  change7d: 312,
  change30d: null,
};

export const listAccounts = defineOperation({
  id: "listAccounts",
  method: "GET",
  path: "/workspaces/{workspace}/accounts",
  tag: "Accounts",
  summary: "Tracked accounts with their latest followers and 7- and 30-day change",
  description: "Filters: platform, health, q (handle, name or organization). Sorted by `sort` (figures descending, nulls last), then handle and id.",
  role: "viewer",
  params: workspaceParams,
  query: listAccountsCursorQuerySchema,
  data: accountRowSchema,
  list: true,
  examples: { query: { sort: "followers", limit: "50" }, response: { data: [row], meta: { next_cursor: "WzEyODQwLCJyZWFjaC5kZW1vIiwiMGI5ZCJd" } } },
});

export const createAccount = defineOperation({
  id: "createAccount",
  method: "POST",
  path: "/workspaces/{workspace}/accounts",
  tag: "Accounts",
  summary: "Track one account (editors); platform is optional when handle is a profile URL",
  role: "editor",
  params: workspaceParams,
  body: createAccountSchema,
  data: z.object({ id: z.uuid(), platform: z.enum(PLATFORMS), handle: z.string() }),
  status: 201,
  errors: ["conflict", "payload_too_large"],
  examples: { body: { handle: "https://www.tiktok.com/@reach.demo", tags: ["launch"] }, response: { data: { id: accountId, platform: "tiktok", handle: "reach.demo" }, meta: {} } },
});

export const getAccount = defineOperation({
  id: "getAccount",
  method: "GET",
  path: "/workspaces/{workspace}/accounts/{accountId}",
  tag: "Accounts",
  summary: "One account, its health and its daily snapshots in a date range (90 days by default)",
  role: "viewer",
  params: accountParams,
  query: accountHistoryQuerySchema,
  data: accountDetailSchema,
  examples: {
    query: { from: "2026-11-01", to: "2026-12-01" },
    response: {
      data: {
        ...row,
        profileUrl: "https://www.tiktok.com/@reach.demo",
        tags: ["launch"],
        active: true,
        lastErrorAt: null,
        lastSuccessAt: "2026-12-01T06:00:12.000Z",
        consecutiveFailures: 0,
        createdAt: "2026-10-01T09:00:00.000Z",
        history: {
          from: "2026-11-30",
          to: "2026-12-01",
          snapshots: [{ date: "2026-12-01", followers: 12840, following: 80, posts: 311, likes: null, approximate: false, source: "api", scrapedAt: "2026-12-01T06:00:12.000Z", suspectReason: null }],
        },
      },
      meta: {},
    },
  },
});

export const updateAccount = defineOperation({
  id: "updateAccount",
  method: "PATCH",
  path: "/workspaces/{workspace}/accounts/{accountId}",
  tag: "Accounts",
  summary: "Change an account's display name, organization, tags, core flag or active flag (editors)",
  role: "editor",
  params: accountParams,
  body: updateAccountSchema,
  data: z.object({ id: z.uuid() }),
  errors: ["payload_too_large"],
  examples: { body: { isCore: true }, response: { data: { id: accountId }, meta: {} } },
});

export const deleteAccount = defineOperation({
  id: "deleteAccount",
  method: "DELETE",
  path: "/workspaces/{workspace}/accounts/{accountId}",
  tag: "Accounts",
  summary: "Delete an account and its history (editors); PATCH active=false keeps the history",
  role: "editor",
  params: accountParams,
  examples: {},
});

const candidate = z.object({
  line: z.number().int(),
  platform: z.enum(PLATFORMS),
  handle: z.string(),
  profileUrl: z.string(),
  displayName: z.string().nullable(),
  organization: z.string().nullable(),
  tags: z.array(z.string()),
  isCore: z.boolean(),
});

export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  columns: z.record(z.string(), z.string()),
  ignoredHeaders: z.array(z.string()),
  rowCount: z.number().int(),
  valid: z.array(candidate),
  duplicates: z.array(candidate.extend({ kind: z.enum(["in_file", "tracked"]), firstLine: z.number().int().nullable() })),
  invalid: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()), reason: z.string() })),
});
const importResultSchema = z.object({ created: z.number().int(), unchanged: z.number().int(), duplicates: z.number().int(), invalid: z.number().int() });

export const importAccounts = defineOperation({
  id: "importAccounts",
  method: "POST",
  path: "/workspaces/{workspace}/accounts/import",
  tag: "Accounts",
  summary: "Import accounts from a CSV upload (editors); dryRun=true answers the preview and stores nothing",
  description: "multipart/form-data with `file` (CSV, at most 5 MB) and `dryRun`. Without dryRun the valid rows are committed in one transaction.",
  role: "editor",
  params: workspaceParams,
  upload: z.object({ file: z.string().meta({ format: "binary" }), dryRun: z.enum(["true", "false"]).optional() }),
  data: z.union([importPreviewSchema, importResultSchema]),
  errors: ["payload_too_large"],
  examples: { response: { data: { created: 12, unchanged: 0, duplicates: 1, invalid: 0 }, meta: {} } },
});


export const exportAccounts = defineOperation({
  id: "exportAccounts",
  method: "GET",
  path: "/workspaces/{workspace}/accounts/export",
  tag: "Accounts",
  summary: "Every account matching the Accounts page's filters and sort, as CSV or XLSX, streamed",
  description: "Growth is empty for stale accounts, as on the page; not reported figures are empty cells and approximate ones are flagged.",
  role: "viewer",
  params: workspaceParams,
  query: listAccountsQuerySchema.omit({ page: true, pageSize: true }).extend(exportFormatQuery),
  produces: EXPORT_MEDIA_TYPES,
  examples: { query: { format: "xlsx", show: "active", sort: "change_7d" } },
});

export const exportAccountHistory = defineOperation({
  id: "exportAccountHistory",
  method: "GET",
  path: "/workspaces/{workspace}/accounts/{accountId}/export",
  tag: "Accounts",
  summary: "One account's daily snapshots, oldest first, as CSV or XLSX, streamed",
  role: "viewer",
  params: accountParams,
  query: z.object(exportFormatQuery),
  produces: EXPORT_MEDIA_TYPES,
  examples: { query: { format: "csv" } },
});
