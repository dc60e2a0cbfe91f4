import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// `npm run fixtures` (a webServer in playwright.config.ts) serves this sheet from the fake Google.
const SAMPLE = "https://docs.google.com/spreadsheets/d/1ReachSampleSheet_0000000000000000000000000/edit#gid=0";
const UNSHARED = "1ReachUnsharedSheet_000000000000000000000000";
const SHEETS = "/api/v1/workspaces/demo/sheets";
const UNKNOWN = `${SHEETS}/00000000-0000-4000-8000-000000000001`;

test("sheet routes: 401 signed out, 403 for viewers and editors, 400 and 404 for bad input", async ({ page, browser, request, baseURL }) => {
  const origin = { origin: baseURL ?? "" };
  for (const [method, url] of [["GET", SHEETS], ["POST", SHEETS], ["POST", `${SHEETS}/test`], ["PATCH", UNKNOWN], ["DELETE", UNKNOWN]] as const) {
    expect((await request.fetch(url, { method, data: {}, headers: origin })).status(), `${method} ${url}`).toBe(401);
  }
  for (const who of ["viewer", "editor"] as const) {
    const context = await browser.newContext({ baseURL });
    const other = await context.newPage();
    await signIn(other, who, "/demo");
    expect((await other.request.get(SHEETS)).status(), who).toBe(403);
    expect((await other.request.post(`${SHEETS}/test`, { data: { url: SAMPLE }, headers: origin })).status(), who).toBe(403);
    expect((await other.request.post(SHEETS, { data: { url: SAMPLE }, headers: origin })).status(), who).toBe(403);
    expect((await other.goto("/demo/settings/sheets"))?.status(), who).toBe(403);
    await context.close();
  }
  await signIn(page, "admin", "/demo");
  const empty = await page.request.post(`${SHEETS}/test`, { data: { url: "" }, headers: origin });
  expect(empty.status()).toBe(400);
  const notASheet = await page.request.post(`${SHEETS}/test`, { data: { url: "https://example.org/sheet" }, headers: origin });
  expect(notASheet.status()).toBe(400);
  expect((await page.request.patch(`${SHEETS}/not-a-uuid`, { data: { name: "x" }, headers: origin })).status()).toBe(400);
  expect((await page.request.patch(UNKNOWN, { data: { name: "x" }, headers: origin })).status()).toBe(404);
  expect((await page.request.get("/api/v1/workspaces/acme/sheets")).status()).toBe(404);
  const missing = await page.request.post(`${SHEETS}/test`, { data: { url: "1ReachNoSuchSheet_0000000000000000000" }, headers: origin });
  expect(missing.status()).toBe(404);
  const denied = await page.request.post(`${SHEETS}/test`, { data: { url: UNSHARED }, headers: origin });
  expect(denied.status()).toBe(403);
  expect((await denied.json()).code).toBe("permission_denied");
  const noUrl = await page.request.post(SHEETS, { data: { url: SAMPLE, tab: "Summary" }, headers: origin });
  expect(noUrl.status()).toBe(400);
  expect((await noUrl.json()).detail).toContain('the header row has "Creator", "Posts", "Status"');
});

test("an admin connects the sample sheet in Settings → Google Sheets and corrects the mapping", async ({ page }) => {
  await signIn(page, "admin", "/demo/settings/sheets");
  await expect(page.getByTestId("service-account-email")).toHaveText("reach-sheets@reach-fixtures.iam.gserviceaccount.com");
  await page.getByLabel("Sheet link or ID").fill(SAMPLE);
  await page.getByRole("button", { name: "Test access" }).click();
  await expect(page.getByRole("status")).toContainText('Opened "Reach sample posts"');
  await expect(page.getByTestId("sheet-headers")).toContainText("TikTok URL · Creator · Set · VA · Type · Status");
  await expect(page.locator("#connect-url")).toHaveValue("TikTok URL");
  await expect(page.locator("#connect-error")).toHaveValue("Notes");
  await page.locator("#connect-error").selectOption("");
  await page.locator("#connect-status-ready").fill("ready to scrape");
  await page.getByRole("button", { name: "Connect sheet" }).click();
  await expect(page.getByText('Connected "Reach sample posts" (Posts).')).toBeVisible();
  const card = page.getByTestId("sheet-source").filter({ hasText: "Reach sample posts · Posts" });
  await expect(card).toBeVisible();
  const response = await page.request.get(SHEETS);
  const sheet = (await response.json()).data.find((entry: { spreadsheetId: string }) => SAMPLE.includes(entry.spreadsheetId));
  expect(sheet.mapping.url).toBe("TikTok URL");
  expect(sheet.mapping.error).toBeUndefined();
  expect(sheet.statusValues.ready).toBe("ready to scrape");
});

test("an admin runs the pipeline over the sample sheet from Jobs, watches it finish, and sees the posts with thumbnails", async ({ page, baseURL }) => {
  await signIn(page, "admin", "/demo/jobs");
  const origin = { origin: baseURL ?? "" };
  // Connected by the test above; connected here when this test runs alone.
  const listed = (await (await page.request.get(SHEETS)).json()).data as { id: string; spreadsheetId: string }[];
  if (!listed.some((entry) => SAMPLE.includes(entry.spreadsheetId))) {
    expect((await page.request.post(SHEETS, { data: { url: SAMPLE }, headers: origin })).status()).toBe(201);
    await page.reload();
  }

  await page.getByLabel("Posts").selectOption({ label: "Reach sample posts · Posts" });
  await page.getByRole("button", { name: "Scrape TikTok posts" }).click();
  const run = page.getByTestId("job-run").filter({ hasText: "TikTok posts · Reach sample posts · Posts" }).first();
  await expect(run.getByTestId("job-progress-text")).toContainText("100%", { timeout: 60_000 });
  // Nine ready rows: two posts scraped (the short links are the same posts), three refused by TikTok, two not posts at all.
  await expect(run).toHaveAttribute("data-status", "partial", { timeout: 60_000 });
  await expect(run.getByTestId("job-progress-text")).toHaveText("5 / 5 · 100%");
  const outcomes = run.getByTestId("job-outcomes");
  await expect(outcomes).toContainText("succeeded 2 · failed 5");
  for (const reason of ["private 1", "not found 1", "region locked 1", "invalid input 2"]) await expect(outcomes).toContainText(reason);
  await expect(run.getByTestId("job-slides-text")).toHaveText(/^slides (\d+) \/ \1 · [\d.]+ [KM]B$/);
  await expect(run.getByRole("button", { name: "Retry failed" })).toBeVisible();

  await page.goto("/demo/posts?va=Mia");
  const slideshow = page.getByRole("row").filter({ hasText: "7300000000000000002" });
  await expect(slideshow).toContainText("Slideshow");
  await expect(slideshow).toContainText("scraped");
  const thumbnail = slideshow.getByTestId("post-thumbnail");
  // Lazy images load once scrolled to.
  await thumbnail.scrollIntoViewIfNeeded();
  await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  const served = await page.request.get((await thumbnail.getAttribute("src"))!);
  expect([served.status(), served.headers()["content-type"]]).toEqual([200, expect.stringMatching(/^image\/(jpeg|png|webp)$/)]);
  const refused = page.getByRole("row").filter({ hasText: "7300000000000000003" });
  await expect(refused).toContainText("failed");
  await expect(refused).toContainText("private post");
  // The filter is in the URL: another VA's posts are not listed.
  await expect(page.getByRole("row").filter({ hasText: "7300000000000000004" })).toHaveCount(0);
});
