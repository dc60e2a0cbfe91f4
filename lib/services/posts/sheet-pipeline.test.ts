import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sheetSources, tiktokPosts } from "@/lib/db/schema";
import { DEFAULT_STATUS_VALUES } from "@/lib/domain/sheet-fields";
import { detectMapping } from "@/lib/sheets/header-mapping";
import { env } from "@/lib/env";
import { createSheetsClient, type SheetsClient } from "@/lib/sheets/sheets-client";
import { sheetsConfigFromEnv } from "@/lib/sheets/sheets-config-from-env";
import { ENGINES } from "@/tests/db-harness";
import { diffCells, type FakeCell, type FakeTab } from "@/tests/fakes/google-sheets/fake-spreadsheet";
import { startGoogleWorld, type GoogleWorld } from "@/tests/fakes/google-sheets/google-world";
import { DEV_POST_USERS } from "@/tests/tiktok/dev-posts";
import { createPostsScenario, type PostsScenario } from "@/tests/tiktok/posts-scenario";
import { searchPosts, searchPostsQuerySchema } from "./search-posts";
import { sheetPipelineStages } from "./sheet-pipeline-stages";

const HEADERS = ["TikTok URL", "Creator", "Set", "VA", "Type", "Caption (ours, not Reach's)", "Status", "Views", "Likes", "Comments", "Shares", "Saves", "Slides", "Last scraped", "Error"];
const COLUMN = Object.fromEntries(HEADERS.map((header, index) => [header, String.fromCharCode(65 + index)])) as Record<string, string>;
const READY = "Ready to Scrape";
const id = (n: number) => `7320${String(n).padStart(15, "0")}`;
const url = (user: string, n: number) => `https://www.tiktok.com/@${user}/video/${id(n)}`;
const row = (link: string, n: number, status = READY): FakeCell[] => [link, `creator-${n % 3}`, `set-${n % 2}`, `va-${n % 2}`, n % 2 ? "slideshow" : "video", `our note ${n}`, status];

// Cells Reach may write: the status column and the mapped write-back columns.
const OURS = new Set(["Status", "Views", "Likes", "Comments", "Shares", "Saves", "Slides", "Last scraped", "Error"].map((header) => COLUMN[header]));

describe.each(ENGINES)("the post pipeline from a Google Sheet and back (%s)", (engine) => {
  let world: GoogleWorld;
  let scenario: PostsScenario;
  let client: SheetsClient;
  let tab: FakeTab;
  let before: FakeCell[][];
  let sequence = 0;
  let inserted = 0;

  const rows: FakeCell[][] = [
    ...Array.from({ length: 6 }, (_, n) => row(url("reach.sheet", n), n)),
    row(url("reach.sheet", 0), 0),
    row(`https://vm.tiktok.com/ZM${id(7)}/`, 7),
    row(url(DEV_POST_USERS.privatePost, 8), 8),
    row(url(DEV_POST_USERS.deleted, 9), 9),
    row("https://x.com/someone/status/123", 10),
    ["https://www.tiktok.com/@reach.sheet/video/" + id(11), "x".repeat(10_240), "", "", "", "", READY],
    row(url("reach.sheet", 12), 12, "Hold"),
    [],
    row(url("reach.sheet", 13), 13, "  ready to SCRAPE "),
  ];

  async function connect(): Promise<string> {
    const spreadsheetId = `1SheetPipeline_${engine}_${String(++sequence).padStart(12, "0")}`;
    world.google.addSpreadsheet({ spreadsheetId, tabs: { Posts: [HEADERS, ...rows] }, shares: { [world.account.email]: "writer" } });
    tab = world.google.tab(spreadsheetId, "Posts");
    const [source] = await scenario.db
      .insert(sheetSources)
      .values({ workspaceId: scenario.workspaceId, spreadsheetId, tab: "Posts", headers: HEADERS, headerMapping: detectMapping(HEADERS), statusValues: { ...DEFAULT_STATUS_VALUES } })
      .returning({ id: sheetSources.id });
    return source!.id;
  }

  beforeAll(async () => {
    world = await startGoogleWorld();
    scenario = await createPostsScenario(engine, [], { batchSize: 4 });
    client = await createSheetsClient(world.config({ quota: { readsPerMinute: 10_000, writesPerMinute: 10_000 } }));
    const stages = sheetPipelineStages({ sheets: async () => client, scraper: () => scenario.scraper.ctx, pageSize: 5 });
    // People keep editing while a run goes: a row is inserted above the data between the read and the write-back.
    scenario.deps.postStages = {
      async sync(input) {
        const synced = await stages.sync(input);
        if (inserted++ > 0) return synced;
        tab.insertRows(2, [["https://www.tiktok.com/@someone.else/video/7399999999999999999", "typed mid-run", "", "", "", "", "Draft"]]);
        before = tab.snapshot();
        return synced;
      },
      writeBack: stages.writeBack,
    };
    await connect();
    // The first write answers 429 RESOURCE_EXHAUSTED: backed off and retried.
    world.google.failNext("write", { status: 429 });
  });
  afterAll(async () => {
    await scenario.close();
    await world.google.close();
  });

  it("marks every ready row Scraped with its metrics or Failed with its reason, in the rows that hold it now", async () => {
    const reads = () => world.google.requests().filter((request) => request.kind === "read").length;
    const readsBefore = reads();
    const run = await scenario.run();
    expect(run).toMatchObject({ kind: "posts.pipeline", status: "partial" });
    const posts = await scenario.posts();
    // Six posts, the duplicate row and the short link are one post each with the rows they share, plus private and deleted and the spaced ready row.
    expect(posts.map((post) => post.postId).sort()).toEqual([0, 1, 2, 3, 4, 5, 7, 8, 9, 13].map(id).sort());
    expect(run.counters).toMatchObject({ rowsReady: 13, invalidRows: 2, succeeded: 8, failed: 4, "error:invalid_input": 2 });
    // The Sheets calls are counted on the run, the one 429 included, for the System health page.
    expect(run.counters).toMatchObject({ sheetRateLimited: 1 });
    expect(run.counters.sheetReadRequests).toBe(reads() - readsBefore);

    // Sheet rows shifted by one: the data's row n is now row n + 3 (header, inserted row).
    const at = (dataIndex: number, header: string) => tab.get(`${COLUMN[header]}${dataIndex + 3}`);
    const byPostId = new Map(posts.map((post) => [post.postId, post]));
    for (const [dataIndex, n] of [[0, 0], [1, 1], [5, 5], [6, 0], [7, 7], [14, 13]] as const) {
      const post = byPostId.get(id(n))!;
      expect(at(dataIndex, "Status")).toBe("Scraped");
      expect(at(dataIndex, "Views")).toBe(post.views);
      expect(at(dataIndex, "Likes")).toBe(post.likes);
      expect(at(dataIndex, "Slides")).toBe(post.slideCount ?? "");
      expect(at(dataIndex, "Error")).toBe("");
      expect(String(at(dataIndex, "Last scraped"))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    }
    expect([at(8, "Status"), at(8, "Error")]).toEqual(["Failed", "private post"]);
    expect([at(9, "Status"), at(9, "Error")]).toEqual(["Failed", "deleted or not found"]);
    expect(at(10, "Status")).toBe("Failed");
    expect(String(at(10, "Error"))).toMatch(/not a TikTok post URL/);
    expect(String(at(11, "Error"))).toMatch(/Creator cell is 10,240 characters/);

    // No other cell changed: not the inserted row, the Hold row, the blank row, nor any column of the team's own.
    const changed = diffCells(before, tab.snapshot());
    expect(changed.length).toBeGreaterThan(0);
    for (const change of changed) {
      const [, column, rowNumber] = /^([A-Z]+)(\d+):/.exec(change) ?? [];
      expect(OURS.has(column!), change).toBe(true);
      expect([2, 15, 16].includes(Number(rowNumber)), change).toBe(false);
    }
    expect(world.google.requests().filter((request) => request.kind === "write" && request.status === 429)).toHaveLength(1);

    // The posts explorer marks the posts whose first slide is stored, and only those.
    const listed = (await searchPosts(scenario.db, { scope: { workspaceId: scenario.workspaceId, timezone: "Europe/Paris", now: new Date() }, query: searchPostsQuerySchema.parse({ limit: 200 }) })).data;
    const stored = new Set((await scenario.slides()).filter((slide) => slide.slideIndex === 0 && slide.storagePath).map((slide) => slide.postId));
    expect(stored.size).toBeGreaterThan(0);
    expect(listed.filter((post) => post.hasThumbnail).map((post) => post.id).sort()).toEqual([...stored].sort());
  });

  it("a second run the same day loads no post page, downloads no slide and writes nothing", async () => {
    const [pages, downloads, writes] = [scenario.world.pageLoads(), scenario.world.slideDownloads(), world.google.count("write")];
    const snapshot = tab.snapshot();
    const run = await scenario.run();
    expect(run.status).toBe("succeeded");
    expect([scenario.world.pageLoads(), scenario.world.slideDownloads(), world.google.count("write")]).toEqual([pages, downloads, writes]);
    expect(diffCells(snapshot, tab.snapshot())).toEqual([]);
  });

  it("a row marked ready again for a post already scraped today gets its result without a page load", async () => {
    const pages = scenario.world.pageLoads();
    tab.setCell(2, 6, READY);
    const run = await scenario.run();
    expect(run.status).toBe("succeeded");
    expect(scenario.world.pageLoads()).toBe(pages);
    const [post] = await scenario.db.select().from(tiktokPosts).where(eq(tiktokPosts.postId, id(0)));
    expect([tab.get("G3"), tab.get("H3")]).toEqual(["Scraped", post!.views]);
  });

  it("a connected sheet that can no longer be opened fails alone, with its reason on the sheet", async () => {
    const [gone] = await scenario.db
      .insert(sheetSources)
      .values({ workspaceId: scenario.workspaceId, spreadsheetId: "1DeletedSheet_000000000000000000000", tab: "Posts", headers: HEADERS, headerMapping: detectMapping(HEADERS), statusValues: { ...DEFAULT_STATUS_VALUES } })
      .returning({ id: sheetSources.id });
    const run = await scenario.run();
    expect(run.status).toBe("partial");
    expect(run.counters).toMatchObject({ sheetErrors: 1, "error:sheet_not_found": 1 });
    const [source] = await scenario.db.select().from(sheetSources).where(eq(sheetSources.id, gone!.id));
    expect(source!.lastError).toMatch(/no spreadsheet/i);
  });

  it("without a readable service-account key the run fails at once, naming the variable, and the sheet is untouched", async () => {
    const snapshot = tab.snapshot();
    const stages = scenario.deps.postStages;
    let opened = 0;
    const missingKey = { ...env, GOOGLE_SERVICE_ACCOUNT_JSON: undefined, GOOGLE_APPLICATION_CREDENTIALS: "/nonexistent/reach-key.json" };
    scenario.deps.postStages = sheetPipelineStages({ sheets: async () => (opened++, createSheetsClient(sheetsConfigFromEnv(missingKey))), scraper: () => scenario.scraper.ctx });
    try {
      const run = await scenario.run();
      expect(run.status).toBe("failed");
      expect(run.error).toContain("GOOGLE_APPLICATION_CREDENTIALS: cannot read /nonexistent/reach-key.json (ENOENT)");
      expect(opened).toBe(1);
      expect(diffCells(snapshot, tab.snapshot())).toEqual([]);
    } finally {
      scenario.deps.postStages = stages;
    }
  });

  it("a short link TikTok does not answer today counts as failed and stays ready in the sheet for the next run", async () => {
    scenario.scraper.server.setRoute({ host: "vm.tiktok.com", path: "/ZMdown0001/", responses: [{ status: 503, body: "Service Unavailable" }] });
    const spreadsheetId = `1ShortLinkDown_${engine}_000000000000`;
    world.google.addSpreadsheet({ spreadsheetId, tabs: { Posts: [HEADERS, row("https://vm.tiktok.com/ZMdown0001/", 20)] }, shares: { [world.account.email]: "writer" } });
    const [source] = await scenario.db
      .insert(sheetSources)
      .values({ workspaceId: scenario.workspaceId, spreadsheetId, tab: "Posts", headers: HEADERS, headerMapping: detectMapping(HEADERS), statusValues: { ...DEFAULT_STATUS_VALUES } })
      .returning({ id: sheetSources.id });
    try {
      const run = await scenario.run();
      expect(run.counters).toMatchObject({ unresolvedRows: 1, invalidRows: 0 });
      expect(run.counters["error:invalid_input"]).toBeUndefined();
      expect(run.counters.failed).toBeGreaterThanOrEqual(1);
      expect(world.google.tab(spreadsheetId, "Posts").get("G2")).toBe(READY);
      expect(world.google.requests().some((request) => request.kind === "write" && request.path.includes(spreadsheetId))).toBe(false);
    } finally {
      await scenario.db.delete(sheetSources).where(eq(sheetSources.id, source!.id));
    }
  });
});
