import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin reads System health; editors and viewers may not", async ({ page, browser, baseURL }) => {
  await signIn(page, "admin", "/demo/settings");
  await page.getByRole("link", { name: "Open system health" }).click();
  await expect(page).toHaveURL(/\/demo\/settings\/health$/);
  await expect(page.getByRole("heading", { name: "System health" })).toBeVisible();
  // The demo's history has runs on most days and its seeded failing accounts.
  await expect(page.getByTestId("runs-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("batches-chart")).toBeVisible();
  // Batches name their platform: the post pipeline's TikTok scrapes have a success rate and a latency.
  await expect(page.getByTestId("platform-row").filter({ hasText: "TikTok" })).toContainText(/\d+(\.\d)?%.*\d+( ms| s) \/ \d/);
  expect(Number(await page.getByTestId("failing-accounts").evaluate((node) => node.firstChild?.textContent ?? ""))).toBeGreaterThan(0);
  for (const who of ["editor", "viewer"] as const) {
    const context = await browser.newContext({ baseURL });
    const other = await context.newPage();
    await signIn(other, who, "/demo");
    expect((await other.goto("/demo/settings/health"))?.status(), who).toBe(403);
    await context.close();
  }
});
