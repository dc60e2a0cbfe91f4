import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const tag = String(Date.now()).slice(-6);
const CSV = [
  "Network,Profile URL,Name,Agency,Labels,Flagship",
  `x,@e2e${tag},E2E Health ${tag},E2E Agency,agency;e2e,yes`,
  `,https://bsky.app/profile/e2e${tag}.bsky.social,E2E Bluesky ${tag},E2E Agency,,no`,
  `tiktok,https://www.tiktok.com/@e2e_${tag}?lang=en,"=HYPERLINK(""http://evil.example"",""click"")",,,`,
  `x,https://x.com/E2E${tag},Same as row 2,,,`,
  `myspace,tom,"=HYPERLINK(""http://evil.example"",""x"")",,,`,
  "instagram,,No handle,,,",
].join("\r\n");

const csvFile = (name: string, content: string | Buffer) => ({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });

test("an editor previews a CSV, downloads the invalid rows, imports, and opens a new account", async ({ page }) => {
  await signIn(page, "editor", "/demo/accounts");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page).toHaveURL(/\/demo\/accounts\/import$/);

  await page.getByLabel("CSV file").setInputFiles(csvFile("accounts.csv", CSV));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("6 rows: 3 valid, 1 duplicate, 2 invalid.");
  await expect(page.getByTestId("valid-row")).toHaveCount(3);
  await expect(page.getByTestId("duplicate-row")).toContainText("Same account as row 2");
  await expect(page.getByTestId("invalid-row").filter({ hasText: 'unknown platform "myspace"' })).toHaveCount(1);
  await expect(page.getByTestId("invalid-row").filter({ hasText: "the handle is empty" })).toHaveCount(1);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download invalid rows" }).click();
  const exported = await readFile((await (await downloading).path()) ?? "", "utf8");
  expect(exported).toContain('"Network","Profile URL","Name","Agency","Labels","Flagship","line","error"');
  expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  expect(exported).not.toMatch(/(^|,)"?=/m);

  await page.getByRole("button", { name: "Import 3 accounts" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 3 accounts; 1 duplicate(s) skipped; 2 invalid row(s) skipped.");

  // Importing the same file again changes nothing.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("0 valid, 4 duplicate, 2 invalid.");
  await expect(page.getByRole("button", { name: "Import 0 accounts" })).toBeDisabled();

  await page.goto(`/demo/accounts?q=${tag}&sort=handle`);
  await expect(page.getByTestId("account-row")).toHaveCount(3);
  // The formula-looking name is stored and shown as plain text.
  await expect(page.getByRole("link", { name: '=HYPERLINK("http://evil.example","click")' })).toBeVisible();
  await page.getByRole("link", { name: `E2E Health ${tag}` }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`E2E Health ${tag}`) })).toBeVisible();
  await expect(page.getByText(`X · @e2e${tag} · E2E Agency`)).toBeVisible();
  await expect(page.getByTestId("account-health")).toContainText("Never scraped");
  await expect(page.getByRole("link", { name: "Open profile" })).toHaveAttribute("href", `https://x.com/e2e${tag}`);
  await expect(page.getByText("No snapshots in this range yet.")).toBeVisible();

  await page.getByLabel("Organization").fill("Renamed Agency");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText(`X · @e2e${tag} · Renamed Agency`)).toBeVisible();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Inactive", { exact: true })).toBeVisible();
});

test("an editor adds one account from a profile URL; a seeded account page shows its history", async ({ page }) => {
  await signIn(page, "editor", "/demo/accounts");
  await page.getByRole("button", { name: "Add account" }).click();
  await page.getByLabel("Handle or profile URL").fill(`https://www.threads.net/@e2e_add_${tag}`);
  await page.getByLabel("Display name").fill(`Added ${tag}`);
  await page.getByRole("button", { name: "Add account" }).last().click();
  await expect(page.getByRole("heading", { name: `Added ${tag}` })).toBeVisible();
  await expect(page.getByText(`Threads · @e2e_add_${tag}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Not scraped yet" })).toBeVisible();
  await page.getByRole("button", { name: "Run a snapshot" }).click();
  await expect(page).toHaveURL(/\/demo\/jobs$/);
  const started = page.getByTestId("job-run").first();
  await expect(started).toContainText("Account snapshots · one account");
  // The fixture server does not answer Threads: cancel, so the run's retries hold up no later run.
  await started.getByRole("button", { name: "Cancel" }).click();
  await expect(started).toHaveAttribute("data-status", "cancelled");

  await page.goto("/demo/accounts");
  await page.getByTestId("account-row").first().getByRole("link").click();
  await expect(page.getByTestId("snapshot-row").first()).toBeVisible();
  await expect(page.getByRole("figure", { name: "Followers history" }).locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("gain-bars").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByRole("group", { name: "Range" }).getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("account-changes")).toContainText("30-day change");
  // Y-axis labels never repeat.
  const yTicks = page.getByRole("figure", { name: "Followers history" }).locator(".recharts-wrapper").first().locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(yTicks.nth(1)).toBeVisible();
  const ticks = await yTicks.allTextContents();
  expect(new Set(ticks).size).toBe(ticks.length);
  await page.getByRole("group", { name: "Figure" }).getByRole("link", { name: "Likes" }).click();
  await expect(page.getByRole("figure", { name: "Likes history" })).toBeVisible();
  await expect(page).toHaveURL(/metric=likes/);
});

test("the import API refuses viewers, binary files, header-only files and oversized uploads", async ({ page, browser, baseURL }) => {
  const url = "/api/v1/workspaces/demo/accounts/import";
  const headers = { origin: baseURL ?? "" };
  const post = (p: typeof page, file: ReturnType<typeof csvFile>, dryRun = "true") => p.request.post(url, { headers, multipart: { file, dryRun } });

  await signIn(page, "editor", "/demo");
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  const binary = await post(page, csvFile("accounts.csv", png));
  expect(binary.status()).toBe(400);
  expect(await binary.json()).toMatchObject({ code: "invalid_input", detail: expect.stringMatching(/PNG/) });
  const headerOnly = await post(page, csvFile("accounts.csv", "platform,handle\r\n"));
  expect(headerOnly.status()).toBe(400);
  expect((await headerOnly.json()).detail).toMatch(/no data rows/);
  const large = await post(page, csvFile("accounts.csv", Buffer.alloc(6 * 1024 * 1024, 0x61)));
  expect(large.status()).toBe(413);
  expect((await page.request.get("/api/v1/workspaces/acme/accounts/00000000-0000-4000-8000-000000000001")).status()).toBe(404);

  const context = await browser.newContext({ baseURL });
  const viewer = await context.newPage();
  await signIn(viewer, "viewer", "/demo/accounts");
  await expect(viewer.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  expect((await post(viewer, csvFile("accounts.csv", CSV))).status()).toBe(403);
  expect((await viewer.request.post("/api/v1/workspaces/demo/accounts", { headers, data: { platform: "x", handle: "nope" } })).status()).toBe(403);
  // Loading skeletons stream the page, so the refusal is the 403 page's content rather than its status.
  await viewer.goto("/demo/accounts/import");
  await expect(viewer.getByRole("heading", { name: "You can't open this page" })).toBeVisible();
  await context.close();
});
