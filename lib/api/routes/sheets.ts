import { z } from "zod";
import { sheetSettingsSchema } from "@/lib/services/sheets/sheet-settings";
import { sheetLocationSchema } from "@/lib/services/sheets/test-sheet-access";
import { pageQuerySchema } from "../cursor";
import { defineOperation } from "../operation";
import { iso, withWorkspace, workspaceParams } from "./common";

const mapping = z.record(z.string(), z.string());
export const sheetSchema = z
  .object({
    id: z.uuid(),
    spreadsheetId: z.string(),
    tab: z.string(),
    name: z.string().nullable(),
    headers: z.array(z.string()),
    mapping,
    statusValues: z.record(z.string(), z.string()),
    serviceAccountEmail: z.string().nullable(),
    lastCheckedAt: iso.nullable(),
    lastSyncedAt: iso.nullable(),
    lastError: z.string().nullable(),
  })
  .loose()
  .meta({ id: "Sheet" });
const inspectionSchema = z.object({
  spreadsheetId: z.string(),
  title: z.string(),
  tab: z.string(),
  tabGid: z.number().int(),
  tabs: z.array(z.string()),
  headers: z.array(z.string()),
  detected: mapping,
  serviceAccountEmail: z.string(),
});
const spreadsheetId = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_exAmple";
const headers = ["TikTok URL", "Creator", "VA", "Set", "Status", "Views", "Likes", "Last scraped", "Error"];
const detected = { url: "TikTok URL", creator: "Creator", va: "VA", set: "Set", status: "Status", views: "Views", likes: "Likes", lastScraped: "Last scraped", error: "Error" };
const serviceAccountEmail = "reach@project.iam.gserviceaccount.com";
const sheet = {
  id: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
  spreadsheetId,
  tab: "Posts",
  name: "Posts 2026",
  headers,
  mapping: detected,
  statusValues: { ready: "Ready to Scrape", done: "Scraped", failed: "Failed" },
  serviceAccountEmail,
  lastCheckedAt: "2026-12-02T08:00:00.000Z",
  lastSyncedAt: null,
  lastError: null,
};
const sheetParams = withWorkspace({ sheetId: z.uuid() });
const errors = ["permission_denied", "not_configured", "unavailable"] as const;

export const listSheets = defineOperation({
  id: "listSheets",
  method: "GET",
  path: "/workspaces/{workspace}/sheets",
  tag: "Sheets",
  summary: "Connected Google Sheets and the service account to share them with (admins)",
  role: "admin",
  params: workspaceParams,
  query: pageQuerySchema,
  data: sheetSchema,
  list: true,
  meta: { service_account: z.union([z.object({ email: z.string() }), z.object({ problem: z.string() })]) },
  examples: { response: { data: [], meta: { next_cursor: null, service_account: { email: serviceAccountEmail } } } },
});

export const connectSheet = defineOperation({
  id: "connectSheet",
  method: "POST",
  path: "/workspaces/{workspace}/sheets",
  tag: "Sheets",
  summary: "Connect a sheet (admins): access is tested again, then the mapping is stored",
  role: "admin",
  params: workspaceParams,
  body: sheetLocationSchema.extend(sheetSettingsSchema.shape),
  data: sheetSchema,
  status: 201,
  errors: [...errors, "conflict"],
  examples: { body: { url: "https://docs.google.com/spreadsheets/d/1AbC…/edit#gid=0" }, response: { data: sheet, meta: {} } },
});

export const testSheet = defineOperation({
  id: "testSheet",
  method: "POST",
  path: "/workspaces/{workspace}/sheets/test",
  tag: "Sheets",
  summary: "Open a sheet, read row 1 and detect the mapping; stores nothing (admins)",
  role: "admin",
  params: workspaceParams,
  body: sheetLocationSchema,
  data: inspectionSchema,
  errors: [...errors],
  examples: {
    body: { url: "https://docs.google.com/spreadsheets/d/1AbC…/edit#gid=0" },
    response: { data: { spreadsheetId, title: "Reach posts", tab: "Posts", tabGid: 0, tabs: ["Posts", "Archive"], headers, detected, serviceAccountEmail }, meta: {} },
  },
});

export const updateSheet = defineOperation({
  id: "updateSheet",
  method: "PATCH",
  path: "/workspaces/{workspace}/sheets/{sheetId}",
  tag: "Sheets",
  summary: "Correct a connected sheet's mapping, status values or name (admins)",
  role: "admin",
  params: sheetParams,
  body: sheetSettingsSchema,
  data: sheetSchema,
  examples: { body: { name: "Posts 2026" }, response: { data: { ...sheet, lastSyncedAt: "2026-12-02T08:10:00.000Z" }, meta: {} } },
});

export const disconnectSheet = defineOperation({
  id: "disconnectSheet",
  method: "DELETE",
  path: "/workspaces/{workspace}/sheets/{sheetId}",
  tag: "Sheets",
  summary: "Disconnect a sheet; the sheet itself is not touched (admins)",
  role: "admin",
  params: sheetParams,
  examples: {},
});
