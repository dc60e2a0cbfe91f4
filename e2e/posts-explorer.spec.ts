import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { zipEntries } from "../tests/zip-entries";
import { signIn } from "./helpers";

const MAX_DOM_ROWS = 200;

test("filters and sort round-trip through the URL, and the gallery shows the same result", async ({ page }) => {
  await signIn(page, "viewer", "/demo/posts");
  await expect(page.getByRole("heading", { name: "TikTok posts" })).toBeVisible();
  const va = (await page.getByLabel("VA", { exact: true }).locator("option").nth(1).textContent())!.trim();
  await page.getByLabel("VA", { exact: true }).selectOption(va);
  await expect(page).toHaveURL(new RegExp(`[?&]va=${encodeURIComponent(va)}`));
  await page.getByLabel("Status", { exact: true }).selectOption("scraped");
  await expect(page).toHaveURL(/status=scraped/);
  // The search box writes to the URL after a pause in typing.
  await page.getByLabel("Search caption and hashtags").fill("#");
  await page.getByLabel("Search caption and hashtags").fill("a");
  await expect(page).toHaveURL(/[?&]q=a(&|$)/);
  await page.getByRole("button", { name: "Sort by Views", exact: true }).click();
  await expect(page).toHaveURL(/sort=views/);

  await page.reload();
  await expect(page.getByLabel("VA", { exact: true })).toHaveValue(va);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("scraped");
  await expect(page.getByLabel("Search caption and hashtags")).toHaveValue("a");
  const table = page.getByRole("table", { name: "TikTok posts" });
  await expect(table.getByRole("columnheader", { name: "Sort by Views", exact: true })).toHaveAttribute("aria-sort", "descending");
  const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toBeVisible();
  const cells = await rows.evaluateAll((list) => list.map((row) => Array.from(row.querySelectorAll('[role="cell"]')).map((cell) => cell.textContent ?? "")));
  for (const row of cells) {
    expect(row.join(" ")).toContain(va);
    expect(row.join(" ")).toContain("scraped");
  }
  const views = cells.map((row) => Number((row[7] ?? "").replaceAll(",", "")));
  expect(views).toEqual([...views].sort((a, b) => b - a));

  const shown = (await page.getByTestId("posts-summary").textContent())!;
  await page.getByRole("button", { name: "Gallery" }).click();
  await expect(page).toHaveURL(/view=gallery/);
  await expect(page.getByTestId("gallery-card").first()).toBeVisible();
  await expect(page.getByTestId("posts-summary")).toHaveText(shown);

  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/va=|status=|q=/);
  await expect(page.getByLabel("VA", { exact: true })).toHaveValue("");
});

test("the grid keeps fewer than 200 rows in the DOM while scrolling every demo post, and reaches the last", async ({ page }) => {
  await signIn(page, "viewer", "/demo/posts");
  const scroller = page.getByTestId("posts-scroll");
  const table = page.getByRole("table", { name: "TikTok posts" });
  const summary = page.getByTestId("posts-summary");
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  let most = 0;
  for (let step = 0; step < 300 && (await summary.textContent())?.includes("+"); step++) {
    const rendered = await table.getByRole("row").count();
    most = Math.max(most, rendered);
    expect(rendered).toBeLessThan(MAX_DOM_ROWS);
    await scroller.evaluate((element) => element.scrollBy(0, element.clientHeight * 2));
    await page.waitForTimeout(100);
  }
  const total = Number((await summary.textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThanOrEqual(600);
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(table.locator(`[aria-rowindex="${total + 1}"]`)).toBeVisible();
  expect(await table.getByRole("row").count()).toBeLessThan(MAX_DOM_ROWS);
  expect(most).toBeGreaterThan(5);
});

test("a post's slides open in a lightbox the keyboard drives, and download as one zip", async ({ page }) => {
  await signIn(page, "viewer", "/demo/posts?type=slideshow&status=scraped");
  const first = page.getByRole("table", { name: "TikTok posts" }).getByRole("row").nth(1);
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/demo\/posts\/[0-9a-f-]{36}$/);
  const postId = page.url().split("/").at(-1)!;
  await expect(page.getByText("Daily views and likes", { exact: true })).toBeVisible();
  const detail = (await (await page.request.get(`/api/v1/workspaces/demo/posts/${postId}`)).json()) as {
    data: { post: { postId: string }; slides: { index: number; bytes: number; stored: boolean }[] };
  };
  const total = detail.data.slides.length;
  expect(total).toBeGreaterThan(2);

  await page.getByRole("button", { name: `Open slide 1 of ${total}` }).click();
  const position = page.getByTestId("lightbox-position");
  await expect(position).toHaveText(`Slide 1 of ${total}`);
  await page.keyboard.press("ArrowRight");
  await expect(position).toHaveText(`Slide 2 of ${total}`);
  await page.keyboard.press("End");
  await expect(position).toHaveText(`Slide ${total} of ${total}`);
  await page.keyboard.press("ArrowRight");
  await expect(position).toHaveText(`Slide 1 of ${total}`);
  await page.keyboard.press("ArrowLeft");
  await expect(position).toHaveText(`Slide ${total} of ${total}`);
  await expect(page.getByTestId("lightbox-image")).toHaveAttribute("src", `/api/v1/workspaces/demo/posts/${postId}/slides/${total - 1}`);
  await page.keyboard.press("Escape");
  await expect(position).toHaveCount(0);
  // Focus returns to the slide the lightbox was showing.
  await expect(page.getByRole("button", { name: `Open slide ${total} of ${total}` })).toBeFocused();

  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-slides").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`tiktok-${detail.data.post.postId}-slides.zip`);
  const entries = await zipEntries(await readFile((await download.path())!));
  expect(entries.map(({ name, bytes }) => [name, bytes])).toEqual(
    detail.data.slides.filter((slide) => slide.stored).map((slide) => [`${detail.data.post.postId}-slide-${String(slide.index + 1).padStart(2, "0")}.png`, slide.bytes]),
  );

  // The daily history downloads as the chart shows it: one row per stats day, oldest first.
  const stats = (await (await page.request.get(`/api/v1/workspaces/demo/posts/${postId}`)).json()) as { data: { stats: { date: string; views: number | null }[] } };
  const [history] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-post-history-csv").click()]);
  const [header, ...rows] = (await readFile((await history.path())!)).toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(header).toBe('"Date","Views","Likes","Comments","Shares","Saves"');
  expect(rows.map((row) => row.split(",")[0]?.replaceAll('"', ""))).toEqual(stats.data.stats.map((stat) => stat.date));
});

test("Export CSV downloads the filtered view, every row of it", async ({ page }) => {
  await signIn(page, "viewer", "/demo/posts?va=Maya&sort=views&dir=desc");
  const link = page.getByTestId("export-csv");
  await expect(link).toHaveAttribute("href", /\/api\/v1\/workspaces\/demo\/posts\/export\?.*va=Maya/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^posts-demo-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = text.trim().split("\r\n");
  expect(header).toContain('"Post URL","Post ID","Creator","VA"');
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((row) => row.split('","')[3] === "Maya")).toBe(true);
});
