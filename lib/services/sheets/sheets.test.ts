import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { createSheetsClient, type SheetsClient } from "@/lib/sheets/sheets-client";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { startGoogleWorld, type GoogleWorld } from "@/tests/fakes/google-sheets/google-world";
import { connectSheet } from "./connect-sheet";
import { getSheetSource } from "./get-sheet-source";
import { listSheets } from "./list-sheets";
import { toSheetSourceConfig } from "./sheet-source-view";
import { testSheetAccess } from "./test-sheet-access";
import { updateSheetMapping } from "./update-sheet-mapping";

const SHEET = "1ConnectSheetTests_abcdefghijk";
const URL = `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=100002`;

describe.each(ENGINES)("connecting a sheet on %s", (engine) => {
  let db: TestDatabase;
  let world: GoogleWorld;
  let client: SheetsClient;
  const ws = randomUUID();
  const other = randomUUID();
  const admin = randomUUID();
  const editor = randomUUID();
  const viewer = randomUUID();
  const outsider = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
    await run("insert into auth.users (id, email) values ($1, 'a@x.test'), ($2, 'e@x.test'), ($3, 'v@x.test'), ($4, 'o@x.test')", [admin, editor, viewer, outsider]);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W'), ($2, 'o', 'O')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'editor'), ($1, $4, 'viewer'), ($5, $6, 'admin')", [ws, admin, editor, viewer, other, outsider]);
    world = await startGoogleWorld();
    world.google.addSpreadsheet({
      spreadsheetId: SHEET,
      title: "Spring campaign",
      tabs: { Summary: [["Total"]], "Posts 2026": [["Post URL", "creator", "SET", "Posted by", "Format", "Status", "Views", "Notes", "Caption"]], Empty: [] },
      shares: { [world.account.email]: "writer" },
    });
    client = await createSheetsClient(world.config());
  });
  afterAll(async () => {
    await world?.google.close();
    await db?.drop();
  });

  it("tests access on the link's tab and detects the mapping", async () => {
    const inspection = await testSheetAccess(client, { url: URL });
    expect(inspection).toMatchObject({ spreadsheetId: SHEET, title: "Spring campaign", tab: "Posts 2026", tabGid: 100002, tabs: ["Summary", "Posts 2026", "Empty"], serviceAccountEmail: world.account.email });
    expect(inspection.detected).toEqual({ url: "Post URL", creator: "creator", set: "SET", va: "Posted by", type: "Format", status: "Status", views: "Views", error: "Notes" });
  });

  it("stores the sheet for an admin, lets the admin correct the mapping, and hides it from another workspace", async () => {
    const inspection = await testSheetAccess(client, { url: URL });
    const stored = await runAsUser(db.connection, { sub: admin }, (tx) =>
      connectSheet(tx, { workspaceId: ws, actorId: admin, inspection, settings: { statusValues: { ready: "Go" }, mapping: { error: null } } }),
    );
    expect(stored).toMatchObject({ name: "Spring campaign", tab: "Posts 2026", serviceAccountEmail: world.account.email, statusValues: { ready: "Go", done: "Scraped", failed: "Failed" } });
    expect(stored.mapping.error).toBeUndefined();
    const [row] = await db.connection.runner.query<{ gid: number }>("select tab_gid as gid from sheet_sources where id = $1", [stored.id]);
    expect(row?.gid).toBe(100002);

    const updated = await runAsUser(db.connection, { sub: admin }, (tx) => updateSheetMapping(tx, { workspaceId: ws, actorId: admin, sheetId: stored.id, settings: { mapping: { error: "notes" } } }));
    expect(updated.mapping.error).toBe("Notes");
    await expect(runAsUser(db.connection, { sub: admin }, (tx) => updateSheetMapping(tx, { workspaceId: ws, actorId: admin, sheetId: stored.id, settings: { mapping: { views: "Reach" } } }))).rejects.toMatchObject({
      code: "invalid_input",
      message: '"Reach" (mapped to views) is not in the header row.',
    });
    const config = toSheetSourceConfig(await runAsUser(db.connection, { sub: admin }, (tx) => getSheetSource(tx, { workspaceId: ws, sheetId: stored.id })));
    expect(config).toMatchObject({ spreadsheetId: SHEET, tab: "Posts 2026", statusValues: { ready: "Go" } });

    expect(await runAsUser(db.connection, { sub: outsider }, (tx) => listSheets(tx, ws))).toEqual([]);
    await expect(runAsUser(db.connection, { sub: outsider }, (tx) => getSheetSource(tx, { workspaceId: ws, sheetId: stored.id }))).rejects.toMatchObject({ code: "not_found" });
    expect((await runAsUser(db.connection, { sub: viewer }, (tx) => listSheets(tx, ws))).map((sheet) => sheet.id)).toEqual([stored.id]);
  });

  it("refuses an editor's connect and update through RLS", async () => {
    const inspection = await testSheetAccess(client, { url: SHEET, tab: "Posts 2026" });
    await expect(runAsUser(db.connection, { sub: editor }, (tx) => connectSheet(tx, { workspaceId: ws, actorId: editor, inspection }))).rejects.toThrow();
    const [sheet] = await runAsUser(db.connection, { sub: admin }, (tx) => listSheets(tx, ws));
    await expect(runAsUser(db.connection, { sub: editor }, (tx) => updateSheetMapping(tx, { workspaceId: ws, actorId: editor, sheetId: sheet?.id ?? "", settings: { name: "Mine" } }))).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses to store a tab with no URL column, naming the headers", async () => {
    world.google.tab(SHEET, "Summary").rows = [["Creator", "Status", "Caption"]];
    const inspection = await testSheetAccess(client, { url: SHEET });
    expect(inspection.tab).toBe("Summary");
    const error = await runAsUser(db.connection, { sub: admin }, (tx) => connectSheet(tx, { workspaceId: ws, actorId: admin, inspection })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('No post URL column: the header row has "Creator", "Status", "Caption"');
    await expect(testSheetAccess(client, { url: SHEET, tab: "Nope" })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining('Tabs: "Summary", "Posts 2026", "Empty"') });
  });
});
