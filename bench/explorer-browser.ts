/**
 * The posts explorer in headless Chromium on a production build over Postgres with 100,000 posts:
 * the time from navigation to the first data rows painted (p50/p95 over several loads, with its
 * parts), the list requests made before any scroll, the most rows in the DOM while scrolling, each
 * page load's time early and late in the scroll, and whether scrolling to the end reaches the last row.
 *
 *   npm run bench:explorer-browser -- --database-url postgres://postgres@127.0.0.1:5432/reach_bench_browser
 *     [--posts 100000 --days 90 --loads 10 --port 4510 --build --scroll-pages N]
 *
 * The database is migrated and filled once (bench/posts-dataset.ts); later runs reuse it. Without
 * --build the last `npm run build` is served. --scroll-pages stops the scroll after N page loads.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { openConnection } from "@/lib/db/client";
import { createUser } from "@/lib/services/users/create-user";
import { generatePostsWorkspace, VIEWER_EMAIL, WORKSPACE, WORKSPACE_SLUG } from "./posts-dataset";
import { percentile, round } from "./stats";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    posts: { type: "string", default: "100000" },
    days: { type: "string", default: "90" },
    loads: { type: "string", default: "10" },
    port: { type: "string", default: "4510" },
    build: { type: "boolean", default: false },
    "scroll-pages": { type: "string" },
  },
});
const DATABASE_URL = values["database-url"];
const POSTS = Number(values.posts);
const DAYS = Number(values.days);
const LOADS = Number(values.loads);
const PORT = Number(values.port);
const SCROLL_PAGES = values["scroll-pages"] === undefined ? Number.POSITIVE_INFINITY : Number(values["scroll-pages"]);
// Early against late in the scroll: the first and the last this many page loads.
const EDGE = 50;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench-browser-Viewer-7c1f9e";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const ROWS = "[data-testid=posts-scroll] [role=row][data-index]";
const LIST_REQUEST = /\/api\/v1\/workspaces\/[^/]+\/posts(\?|$)/;

/** Migrates the database, fills it unless it already holds the workspace, and gives the viewer a password. */
async function prepareDatabase(url: string): Promise<void> {
  const connection = await openConnection({ databaseUrl: url }, { migrate: true });
  try {
    const [existing] = await connection.runner.query<{ n: string }>("select count(*) as n from tiktok_posts where workspace_id = $1", [WORKSPACE]);
    const have = Number(existing?.n ?? 0);
    if (have === 0) {
      const started = performance.now();
      await generatePostsWorkspace(connection, { posts: POSTS, days: DAYS });
      console.error(`generated ${POSTS} posts × ${DAYS} days in ${round((performance.now() - started) / 1000, 1)} s`);
    } else if (have !== POSTS) {
      throw new Error(`the database holds ${have} bench posts, not ${POSTS}: use a fresh database for another size`);
    }
    await createUser(connection.db, { email: VIEWER_EMAIL, password: PASSWORD, workspace: WORKSPACE_SLUG, role: "viewer" });
  } finally {
    await connection.close();
  }
}

function startServer(url: string): ChildProcess {
  return spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child server inherits this shell's environment, plus its own settings below.
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      REDIS_URL: "",
      NEXTAUTH_URL: BASE,
      ALLOW_INSECURE_COOKIES: "1",
      NEXTAUTH_SECRET: "bench-browser-secret-0123456789abcdef0123456789",
      SNAPSHOT_LOCAL_TIME: "off",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}

async function waitReady(): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (await fetch(`${BASE}/api/ready`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not become ready in 10 minutes");
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

declare global {
  interface Window {
    __firstRowAt?: number;
    __scrolledAt?: number;
  }
}

/** One load's parts, in milliseconds from navigation start (bytes for the HTML). */
interface FirstRows {
  /** A data row is in the DOM and the page has painted: the later of the two. */
  ms: number;
  ttfb: number;
  documentEnd: number;
  firstRowInserted: number;
  fcp: number;
  dcl: number;
  htmlBytes: number;
}

async function firstRows(page: Page): Promise<FirstRows> {
  await page.goto(`${BASE}/${WORKSPACE_SLUG}/posts`, { waitUntil: "commit" });
  await page.waitForSelector(ROWS, { state: "visible", timeout: 60_000 });
  // No named helpers inside: tsx would wrap them in a __name() the page does not have.
  return page.evaluate(async () => {
    for (;;) {
      const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      if (performance.getEntriesByName("first-contentful-paint").length > 0 && entry && entry.domContentLoadedEventEnd > 0) break;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const inserted = window.__firstRowAt ?? 0;
    return { ms: Math.max(inserted, fcp), ttfb: nav.responseStart, documentEnd: nav.responseEnd, firstRowInserted: inserted, fcp, dcl: nav.domContentLoadedEventEnd, htmlBytes: nav.decodedBodySize };
  });
}

const median = (samples: number[]) => round(percentile(samples, 50));
const p95 = (samples: number[]) => round(percentile(samples, 95));

/** Median and p95 of the first and the last EDGE samples. */
function earlyLate(samples: number[]) {
  const early = samples.slice(0, EDGE);
  const late = samples.slice(-EDGE);
  return { earlyP50Ms: median(early), earlyP95Ms: p95(early), lateP50Ms: median(late), lateP95Ms: p95(late) };
}

/**
 * Scrolls the table to the end (or for `limit` page loads), page by page as the cursor loads; counts
 * the rows in the DOM at every step and times each page load, from the scroll to its rows' render.
 */
async function scrollToEnd(page: Page, limit: number) {
  let maxRows = 0;
  let steps = 0;
  const loadMs: number[] = [];
  const started = performance.now();
  for (;;) {
    const state = await page.evaluate((selector) => {
      const scroller = document.querySelector<HTMLElement>("[data-testid=posts-scroll]");
      if (!scroller) throw new Error("no posts table");
      const summary = document.querySelector("[data-testid=posts-summary]")?.textContent ?? "";
      return { rows: document.querySelectorAll(selector).length, summary, bottom: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 };
    }, ROWS);
    maxRows = Math.max(maxRows, state.rows);
    const done = !state.summary.includes("+") && state.bottom;
    if (done || steps >= limit) break;
    // Every fifth step also stops mid-way, so the count covers positions between the loads too.
    if (steps % 5 === 4) {
      await page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>("[data-testid=posts-scroll]")!;
        scroller.scrollTop = scroller.scrollHeight / 2;
      });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      maxRows = Math.max(maxRows, await page.locator(ROWS).count());
    }
    // The next page has loaded (the summary's count moved) or there is none; a scroll the table
    // missed (a load still in flight) is repeated.
    for (let attempt = 0; ; attempt++) {
      await page.evaluate((repeat) => {
        const scroller = document.querySelector<HTMLElement>("[data-testid=posts-scroll]")!;
        // A repeated scroll keeps the first one's time: the load is timed from the first.
        if (repeat === 0) window.__scrolledAt = performance.now();
        scroller.scrollTop = scroller.scrollHeight - (repeat % 2);
      }, attempt);
      const moved = await page
        .waitForFunction(
          (before) => {
            const summary = document.querySelector("[data-testid=posts-summary]")?.textContent ?? "";
            return summary !== before || !summary.includes("+") ? { ms: performance.now() - (window.__scrolledAt ?? 0) } : false;
          },
          state.summary,
          { polling: "raf", timeout: 5_000 },
        )
        .then((handle) => handle.jsonValue(), () => null);
      if (moved) {
        loadMs.push(moved.ms);
        break;
      }
      if (attempt === 12) throw new Error(`scrolling stopped loading at ${state.summary}`);
    }
    if (steps % 200 === 0) console.error(`step ${steps}: ${state.summary}, at most ${maxRows} rows in the DOM so far`);
    steps++;
  }
  const last = await page.evaluate((selector) => {
    const scroller = document.querySelector<HTMLElement>("[data-testid=posts-scroll]")!;
    const rows = [...document.querySelectorAll<HTMLElement>(selector)];
    const index = Math.max(...rows.map((row) => Number(row.dataset.index)));
    const row = rows.find((candidate) => Number(candidate.dataset.index) === index)!;
    const [box, view] = [row.getBoundingClientRect(), scroller.getBoundingClientRect()];
    return { index, visible: box.top >= view.top && box.bottom <= view.bottom + 1, summary: document.querySelector("[data-testid=posts-summary]")?.textContent ?? "" };
  }, ROWS);
  return { maxRows, steps, loadMs, seconds: round((performance.now() - started) / 1000, 1), lastIndex: last.index, lastVisible: last.visible, summary: last.summary };
}

async function main() {
  if (!DATABASE_URL) throw new Error("--database-url is required: a Postgres database of its own (created if needed by you, filled here)");
  if (values.build) {
    const built = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed");
  } else if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` or pass --build");
  await prepareDatabase(DATABASE_URL);
  const load = [loadavg()[0] ?? 0];
  const server = startServer(DATABASE_URL);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    await waitReady();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Notes when the first data row enters the DOM (server-rendered or not), for the timing.
    await context.addInitScript((selector) => {
      new MutationObserver((_, observer) => {
        if (document.querySelector(selector)) {
          window.__firstRowAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, ROWS);
    const signIn = await context.newPage();
    await signIn.goto(`${BASE}/sign-in?callbackUrl=${encodeURIComponent(`/${WORKSPACE_SLUG}/posts`)}`);
    await signIn.getByLabel("Email").fill(VIEWER_EMAIL);
    await signIn.getByLabel("Password").fill(PASSWORD);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await signIn.waitForURL(`**/${WORKSPACE_SLUG}/posts`);
    await signIn.close();

    // The first load after start warms the server (its caches and JIT): reported, not counted.
    const warmup = await firstRows(await context.newPage());
    const loads: FirstRows[] = [];
    for (let n = 0; n < LOADS; n++) {
      const page = await context.newPage();
      loads.push(await firstRows(page));
      await page.close();
    }
    const samples = loads.map((sample) => sample.ms);
    console.error(`first rows: warm-up ${round(warmup.ms)} ms; p50 ${median(samples)} ms, p95 ${p95(samples)} ms over ${LOADS} loads (${samples.map((sample) => round(sample)).join(", ")})`);
    const part = (key: keyof FirstRows) => ({ p50: median(loads.map((sample) => sample[key])), p95: p95(loads.map((sample) => sample[key])) });
    const breakdown = { ttfbMs: part("ttfb"), documentEndMs: part("documentEnd"), firstRowInsertedMs: part("firstRowInserted"), fcpMs: part("fcp"), dclMs: part("dcl"), htmlBytes: part("htmlBytes") };
    console.error(`first rows, p50 / p95: ${Object.entries(breakdown).map(([key, value]) => `${key} ${value.p50} / ${value.p95}`).join(", ")}`);

    const page = await context.newPage();
    // The list requests the page makes (a cancelled one counts too), and the scroll's times from
    // request start to the response's end.
    let listRequestsBeforeScroll = 0;
    let scrolling = false;
    const requestMs: number[] = [];
    page.on("request", (request) => {
      if (!scrolling && LIST_REQUEST.test(request.url())) listRequestsBeforeScroll++;
    });
    page.on("requestfinished", (request) => {
      if (scrolling && LIST_REQUEST.test(request.url())) requestMs.push(request.timing().responseEnd);
    });
    await firstRows(page);
    // Scrolling starts once the page is hydrated and idle.
    await page.waitForLoadState("networkidle");
    scrolling = true;
    const scroll = await scrollToEnd(page, SCROLL_PAGES);
    load.push(loadavg()[0] ?? 0);
    const full = Number.isFinite(SCROLL_PAGES) ? null : scroll.lastIndex === POSTS - 1 && scroll.lastVisible;
    const result = {
      posts: POSTS,
      days: DAYS,
      loads: LOADS,
      warmupFirstRowsMs: round(warmup.ms),
      firstRowsP50Ms: median(samples),
      firstRowsP95Ms: p95(samples),
      firstRowsMs: samples.map((sample) => round(sample)),
      firstRowsBreakdown: breakdown,
      listRequestsBeforeScroll,
      maxDomRows: scroll.maxRows,
      scrollPagesLimit: Number.isFinite(SCROLL_PAGES) ? SCROLL_PAGES : null,
      scrollSteps: scroll.steps,
      scrollSeconds: scroll.seconds,
      // Scroll to the next page's rows rendered, and the list request alone, early against late.
      pageLoad: earlyLate(scroll.loadMs),
      listRequest: earlyLate(requestMs),
      lastRowIndex: scroll.lastIndex,
      reachedLastRow: full,
      summary: scroll.summary,
      loadAverage1m: load.map((value) => round(value, 2)),
    };
    await mkdir("bench/results", { recursive: true });
    await writeFile("bench/results/explorer-browser.json", JSON.stringify(result, null, 2));
    const { firstRowsBreakdown, pageLoad, listRequest, ...rest } = result;
    console.table([{ ...rest, firstRowsMs: result.firstRowsMs.join(", "), loadAverage1m: result.loadAverage1m.join(" → ") }]);
    console.table({ firstRows: { p50: result.firstRowsP50Ms, p95: result.firstRowsP95Ms }, ...firstRowsBreakdown });
    console.table({ pageLoad, listRequest });
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

await main();
