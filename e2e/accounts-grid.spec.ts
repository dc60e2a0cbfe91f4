import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const MAX_DOM_ROWS = 200;

/** Scrolls the accounts grid from top to bottom, a screen at a time; returns the most rows seen in the DOM. */
async function scrollGrid(page: Page): Promise<number> {
  const scroller = page.getByTestId("accounts-scroll");
  const rows = scroller.locator("[role=row][data-index]");
  let most = await rows.count();
  for (let step = 0; step < 200; step++) {
    const atEnd = await scroller.evaluate((element) => {
      element.scrollTop += element.clientHeight;
      return element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    most = Math.max(most, await rows.count());
    if (atEnd) break;
  }
  return most;
}

test("the accounts grid groups by tag with header rows, keeps fewer than 200 rows in the DOM, and sorts through the URL", async ({ page }) => {
  await signIn(page, "viewer", "/demo/accounts?group=tag");
  const grid = page.getByRole("table", { name: "Tracked accounts" });
  await expect(page.getByLabel("Group by")).toHaveValue("tag");
  await expect(page.getByTestId("accounts-summary")).toContainText("an account with several tags appears under each");
  const firstGroup = grid.getByTestId("account-group").first();
  await expect(firstGroup).toHaveText(/^\S.* \d[\d,]* accounts? · [\d.,KM≈]+ followers$/);
  await expect(grid.getByTestId("account-row").first()).toBeVisible();

  // Every demo account has several tags, so the grouped list is longer than the DOM may hold.
  const summary = (await page.getByTestId("accounts-summary").textContent()) ?? "";
  const onPage = Number(/–([\d,]+) of/.exec(summary)?.[1]?.replaceAll(",", ""));
  expect(onPage).toBeGreaterThan(MAX_DOM_ROWS);
  const most = await scrollGrid(page);
  expect(most).toBeLessThan(MAX_DOM_ROWS);
  // At the end: the page's last row (its accounts plus one header per group) is in the frame.
  const indexes = await grid.locator("[role=row][data-index]").evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.index)));
  const shown = await grid.locator(`[role=row][data-index="${Math.max(...indexes)}"]`).evaluate((row) => {
    const [box, view] = [row.getBoundingClientRect(), row.closest("[data-testid=accounts-scroll]")!.getBoundingClientRect()];
    return box.top >= view.top && box.bottom <= view.bottom + 1;
  });
  expect(shown).toBe(true);
  expect(Math.max(...indexes) + 1).toBeGreaterThan(onPage);

  // Grouped by organization: one header per organization, each account once.
  await page.getByLabel("Group by").selectOption("org");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/group=org/);
  await expect(grid.getByTestId("account-group").first()).toHaveText(/ \d+ accounts? · /);

  // Column headers sort both ways, through the URL, and the grouping stays.
  await page.getByRole("button", { name: "Sort by Followers", exact: true }).click();
  await expect(page).toHaveURL(/sort=followers/);
  await expect(grid.getByRole("columnheader", { name: "Sort by Followers", exact: true })).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("button", { name: "Sort by Followers", exact: true }).click();
  await expect(page).toHaveURL(/sort=followers&dir=asc|dir=asc&.*sort=followers/);
  await expect(grid.getByRole("columnheader", { name: "Sort by Followers", exact: true })).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/group=org/);
});

test("at 390 px wide the tables show readable rows with no sideways scroll, and the sidebar spans long pages", async ({ page }) => {
  await signIn(page, "admin", "/demo/accounts");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/demo/accounts", "/demo/accounts?group=org", "/demo/posts", "/demo/leaderboards", "/demo/jobs", "/demo/settings", "/demo/settings/members", "/demo/settings/api-tokens", "/demo/settings/alerts"]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll<HTMLElement>("main *")].filter((element) => {
        const style = getComputedStyle(element);
        const scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
        return scrolls && element.scrollWidth > element.clientWidth + 1 && element.getBoundingClientRect().width > 0;
      });
      return { page: document.documentElement.scrollWidth, wide: wide.map((element) => element.dataset.testid ?? element.dataset.slot ?? element.tagName) };
    });
    expect(overflow, path).toEqual({ page: 390, wide: [] });
  }

  // Wide screens: the sidebar stays the full height of the window however far a long page scrolls.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/demo/settings/members");
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const sidebar = await page.locator("aside").first().boundingBox();
  expect(sidebar).toMatchObject({ y: 0, height: 720 });
});
