import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The whole chain of the account-tracking job: CSV in, a run with live progress, a snapshot out.
test("an editor imports a CSV, runs a snapshot for the new account and sees it on the account page", async ({ page }) => {
  const handle = `chain${String(Date.now()).slice(-6)}.bsky.social`;
  const csv = ["platform,url,name", `,https://bsky.app/profile/${handle},Chain Test`, "bluesky,,No handle"].join("\n");
  await signIn(page, "editor", "/demo/accounts/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "chain.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("1 valid");
  await expect(page.getByTestId("invalid-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Import 1 account" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 1 account");

  await page.goto("/demo/jobs");
  await page.getByLabel("Accounts").selectOption("account");
  const picker = page.getByLabel("Account", { exact: true });
  await picker.fill("chain");
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Pick one of the tracked accounts" })).toBeVisible();
  await picker.fill(`Bluesky · @${handle}`);
  await page.getByRole("button", { name: "Run now" }).click();
  const run = page.getByTestId("job-run").first();
  await expect(run.getByTestId("job-progress-text")).toContainText("100%", { timeout: 30_000 });
  await expect(run).toHaveAttribute("data-status", "succeeded");

  await page.goto(`/demo/accounts?q=${handle}`);
  await page.getByRole("link", { name: "Chain Test" }).click();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
  await expect(page.getByTestId("snapshot-row").filter({ hasText: today })).toHaveCount(1);
  await expect(page.getByTestId("account-health")).not.toContainText("Never scraped");
});
