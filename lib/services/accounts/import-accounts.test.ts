import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "@/lib/csv/read-csv";
import { runAsUser } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import type { Platform } from "@/lib/domain/platforms";
import { createAccount } from "@/lib/services/accounts/create-account";
import { deleteAccount } from "@/lib/services/accounts/delete-account";
import { dailyMetric } from "@/lib/services/accounts/daily-metric";
import { accountHistoryQuerySchema, getAccount } from "@/lib/services/accounts/get-account";
import { importAccounts } from "@/lib/services/accounts/import-accounts";
import { previewAccountImport, type ImportCandidate } from "@/lib/services/accounts/preview-account-import";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

const CSV = [
  "Network;Profile URL;Name;Agency;Labels;Flagship",
  "x;HHSGov;HHS;HHS;department|flagship;yes",
  ";https://x.com/hhsgov?lang=en;HHS again;HHS;;no",
  'instagram;https://www.instagram.com/cdcgov/;"=HYPERLINK(""http://evil.example"",""x"")";CDC;agency;x',
  "myspace;tom;Tom;;;",
  "tiktok;;No handle;;;",
  ";hhsgov;Blank platform, bare handle;;;",
  "x;alreadyhere;Tracked;;;no",
  "bluesky;nih.gov;NIH;NIH;;maybe",
  "",
  "Threads;https://www.threads.net/@hhsgov;HHS;HHS;;1",
].join("\r\n");

const table = () => readCsv(new TextEncoder().encode(CSV));

describe.each(ENGINES)("account import and editing on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const [editor, viewer, outsider] = [randomUUID(), randomUUID(), randomUUID()];
  const as = <T>(user: string, fn: Parameters<typeof runAsUser<T>>[2]) => runAsUser(db.connection, { sub: user }, fn);
  const count = async (workspace: string) =>
    Number(rowsOf<{ n: number }>(await db.connection.runner.query("select count(*)::int as n from accounts where workspace_id = $1", [workspace]))[0]?.n);

  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  /** A workspace of its own for a test that writes, so no test depends on another's rows. */
  const freshWorkspace = async () => {
    const id = randomUUID();
    await run("insert into workspaces (id, slug, name) values ($1, $2, 'Fresh')", [id, `fresh-${id.slice(0, 8)}`]);
    await run("insert into workspace_members values ($1, $2, 'editor')", [id, editor]);
    await run("insert into accounts (workspace_id, platform, handle) values ($1, 'x', 'alreadyhere')", [id]);
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into auth.users (id, email) values ($1, 'e@x.test'), ($2, 'v@x.test'), ($3, 'o@x.test')", [editor, viewer, outsider]);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W'), ($2, 'o', 'O')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'editor'), ($1, $3, 'viewer'), ($4, $5, 'admin')", [ws, editor, viewer, other, outsider]);
    await run("insert into accounts (workspace_id, platform, handle) values ($1, 'x', 'alreadyhere'), ($2, 'x', 'hhsgov')", [ws, other]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("previews valid rows, duplicates in the file and already tracked, and invalid rows with reasons", async () => {
    const preview = await as(editor, (tx) => previewAccountImport(tx, { workspaceId: ws, table: table() }));
    expect(preview.columns).toEqual({ platform: "Network", handle: "Profile URL", displayName: "Name", organization: "Agency", tags: "Labels", core: "Flagship" });
    expect(preview.rowCount).toBe(9);
    expect(preview.valid.map((row) => [row.line, row.platform, row.handle])).toEqual([
      [2, "x", "hhsgov"],
      [4, "instagram", "cdcgov"],
      [11, "threads", "hhsgov"],
    ]);
    expect(preview.valid[0]).toMatchObject({ tags: ["department", "flagship"], isCore: true, profileUrl: "https://x.com/hhsgov" });
    // The formula-looking name is kept as text; only exports neutralize it.
    expect(preview.valid[1]?.displayName).toBe('=HYPERLINK("http://evil.example","x")');
    expect(preview.duplicates.map((row) => [row.line, row.kind, row.firstLine])).toEqual([
      [3, "in_file", 2],
      [8, "tracked", null],
    ]);
    expect(preview.invalid.map((row) => [row.line, row.reason])).toEqual([
      [5, expect.stringMatching(/^unknown platform "myspace"/)],
      [6, "the handle is empty"],
      [7, expect.stringMatching(/cannot be inferred/)],
      [9, expect.stringMatching(/core must be yes or no/)],
    ]);
    expect(preview.invalid[0]?.cells).toEqual(["myspace", "tom", "Tom", "", "", ""]);
  });

  it("previews the sample CSV the README points to: no invalid row, and its last row repeats the first", async () => {
    const sample = readCsv(new Uint8Array(await readFile("docs/samples/accounts-sample.csv")));
    const workspaceId = await freshWorkspace();
    const preview = await as(editor, (tx) => previewAccountImport(tx, { workspaceId, table: sample }));
    expect(preview.invalid).toEqual([]);
    expect(preview.duplicates.map((row) => row.line)).toEqual([sample.rows.length + 1]);
    expect(preview.valid.length).toBe(sample.rows.length - 1);
  });

  it("refuses a table with no handle column", async () => {
    const noHandle = readCsv(new TextEncoder().encode("platform,name\nx,HHS\n"));
    await expect(as(editor, (tx) => previewAccountImport(tx, { workspaceId: ws, table: noHandle }))).rejects.toMatchObject({ code: "invalid_input", message: /No handle column/ });
  });

  it("commits the valid rows once; a second import changes nothing", async () => {
    const fresh = await freshWorkspace();
    const first = await as(editor, async (tx) => importAccounts(tx, { workspaceId: fresh, actorId: editor, rows: (await previewAccountImport(tx, { workspaceId: fresh, table: table() })).valid, source: "upload" }));
    expect(first).toEqual({ created: 3, unchanged: 0 });
    expect(await count(fresh)).toBe(4);
    const again = await as(editor, async (tx) => previewAccountImport(tx, { workspaceId: fresh, table: table() }));
    expect(again.valid).toEqual([]);
    expect(again.duplicates.filter((row) => row.kind === "tracked")).toHaveLength(4);
    const audit = () => db.connection.runner.query("select count(*)::int as n from audit_log where action = 'accounts.imported' and workspace_id = $1", [fresh]);
    const auditBefore = rowsOf<{ n: number }>(await audit())[0]?.n;
    // Even a stale preview's rows re-sent change nothing.
    const stale = await as(editor, (tx) => importAccounts(tx, { workspaceId: fresh, actorId: editor, rows: [candidate("x", "hhsgov")], source: "upload" }));
    expect(stale).toEqual({ created: 0, unchanged: 1 });
    expect(await count(fresh)).toBe(4);
    expect(rowsOf<{ n: number }>(await audit())[0]?.n).toBe(auditBefore);
  });

  it("writes nothing when the commit fails part-way", async () => {
    const rows = Array.from({ length: 1500 }, (_, index) => candidate("tiktok", `bulk_${index}`));
    rows[1200] = candidate("myspace" as Platform, "broken");
    const before = await count(ws);
    await expect(as(editor, (tx) => importAccounts(tx, { workspaceId: ws, actorId: editor, rows, source: "upload" }))).rejects.toThrow();
    expect(await count(ws)).toBe(before);
  });

  it("refuses a viewer, and another workspace's member sees and writes nothing", async () => {
    const before = await count(ws);
    const rows = [candidate("x", "viewer_try")];
    await expect(as(viewer, (tx) => importAccounts(tx, { workspaceId: ws, actorId: viewer, rows, source: "upload" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(as(outsider, (tx) => importAccounts(tx, { workspaceId: ws, actorId: outsider, rows, source: "upload" }))).rejects.toMatchObject({ code: "forbidden" });
    const preview = await as(outsider, (tx) => previewAccountImport(tx, { workspaceId: ws, table: table() }));
    expect(preview.duplicates.filter((row) => row.kind === "tracked")).toEqual([]);
    await expect(as(viewer, (tx) => createAccount(tx, { workspaceId: ws, actorId: viewer, account: { platform: "x", handle: "v", tags: [], isCore: false } }))).rejects.toMatchObject({ code: "forbidden" });
    expect(await count(ws)).toBe(before);
  });

  it("the admin CLI's service path imports through the same functions without a user", async () => {
    const service = db.connection.db;
    const preview = await previewAccountImport(service, { workspaceId: other, table: table() });
    expect(preview.duplicates.find((row) => row.kind === "tracked")?.handle).toBe("hhsgov");
    const result = await importAccounts(service, { workspaceId: other, actorId: null, rows: preview.valid, source: "cli" });
    expect(result.created).toBe(preview.valid.length);
  });

  it("creates, updates, reads with history, and deletes one account", async () => {
    const created = await as(editor, (tx) =>
      createAccount(tx, { workspaceId: ws, actorId: editor, account: { handle: "https://bsky.app/profile/cdc.gov", displayName: "CDC", tags: ["agency"], isCore: false } }),
    );
    expect(created).toMatchObject({ platform: "bluesky", handle: "cdc.gov" });
    await expect(as(editor, (tx) => createAccount(tx, { workspaceId: ws, actorId: editor, account: { platform: "bluesky", handle: "@cdc.gov", tags: [], isCore: false } }))).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(as(editor, (tx) => createAccount(tx, { workspaceId: ws, actorId: editor, account: { platform: "x", handle: "has spaces", tags: [], isCore: false } }))).rejects.toMatchObject({
      code: "invalid_input",
    });
    await db.connection.runner.query(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, approximate, source)
       values ($1, $2, '2026-03-01', 100, false, 'api'), ($1, $2, '2026-03-03', null, false, 'html'), ($1, $2, '2026-03-04', 1200, true, 'html')`,
      [created.id, ws],
    );
    await as(editor, (tx) => updateAccount(tx, { workspaceId: ws, actorId: editor, accountId: created.id, patch: { organization: "CDC", isCore: true, active: false } }));
    const range = accountHistoryQuerySchema.parse({ from: "2026-03-01", to: "2026-03-05" });
    const detail = await as(viewer, (tx) => getAccount(tx, { workspaceId: ws, accountId: created.id, range }));
    expect(detail).toMatchObject({ organization: "CDC", isCore: true, active: false, profileUrl: "https://bsky.app/profile/cdc.gov", healthStatus: "unknown" });
    expect(dailyMetric(detail.history, "followers")).toEqual([
      { date: "2026-03-01", value: 100, gain: null, approximate: false, suspectReason: null },
      { date: "2026-03-02", value: null, gain: null, approximate: false, suspectReason: null },
      { date: "2026-03-03", value: null, gain: null, approximate: false, suspectReason: null },
      { date: "2026-03-04", value: 1200, gain: null, approximate: true, suspectReason: null },
      { date: "2026-03-05", value: null, gain: null, approximate: false, suspectReason: null },
    ]);
    await expect(as(outsider, (tx) => getAccount(tx, { workspaceId: ws, accountId: created.id, range }))).rejects.toMatchObject({ code: "not_found" });
    await expect(as(viewer, (tx) => updateAccount(tx, { workspaceId: ws, actorId: viewer, accountId: created.id, patch: { active: true } }))).rejects.toMatchObject({ code: "not_found" });
    await expect(as(viewer, (tx) => deleteAccount(tx, { workspaceId: ws, actorId: viewer, accountId: created.id }))).rejects.toMatchObject({ code: "not_found" });
    await as(editor, (tx) => deleteAccount(tx, { workspaceId: ws, actorId: editor, accountId: created.id }));
    await expect(as(editor, (tx) => getAccount(tx, { workspaceId: ws, accountId: created.id, range }))).rejects.toMatchObject({ code: "not_found" });
    const snapshots = await db.connection.runner.query("select count(*)::int as n from account_snapshots where account_id = $1", [created.id]);
    expect(rowsOf<{ n: number }>(snapshots)[0]?.n).toBe(0);
  });
});

function candidate(platform: Platform, handle: string): ImportCandidate {
  return { line: 2, platform, handle, profileUrl: `https://example.test/${handle}`, displayName: null, organization: null, tags: [], isCore: false };
}
