import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("leaderboards switch group and period through the URL, and a row drills down to its posts", async ({ page }) => {
  await signIn(page, "viewer", "/demo/leaderboards");
  await expect(page.getByRole("heading", { name: "Leaderboards" })).toBeVisible();
  await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table", { name: "Leaderboard by VA" })).toBeVisible();

  await page.getByRole("link", { name: "By Creator" }).click();
  await expect(page).toHaveURL(/by=creator/);
  await page.getByRole("link", { name: "90 days" }).click();
  await expect(page).toHaveURL(/by=creator&period=90/);
  const table = page.getByRole("table", { name: "Leaderboard by Creator" });
  const rows = table.getByTestId("leaderboard-row");
  expect(await rows.count()).toBeGreaterThan(1);
  await table.getByRole("link", { name: "Posts" }).click();
  await expect(page).toHaveURL(/sort=posts/);
  const counts = await table.getByTestId("leaderboard-row").evaluateAll((list) => list.map((row) => Number(row.querySelectorAll("td")[2]?.firstChild?.textContent ?? "0")));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  const first = table.getByTestId("leaderboard-row").first().getByRole("cell").nth(1).getByRole("link");
  const creator = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/demo/posts\\?creator=${creator}&from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}$`));
  await expect(page.getByLabel("Creator", { exact: true })).toHaveValue(creator);
  const summary = page.getByTestId("posts-summary");
  await expect(summary).toHaveText(`${counts[0]} posts`);
  const cells = await page.getByRole("table", { name: "TikTok posts" }).getByRole("row").filter({ has: page.getByRole("cell") }).evaluateAll((list) => list.map((row) => row.querySelectorAll('[role="cell"]')[2]?.textContent));
  expect(new Set(cells)).toEqual(new Set([creator]));
});
