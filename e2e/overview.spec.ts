import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { xlsxRows } from "../tests/xlsx-rows";
import { signIn } from "./helpers";

test("the overview drills down to an account and to the failing accounts, whose view downloads as XLSX", async ({ page }) => {
  await signIn(page, "viewer", "/demo");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Total followers, last 30 days" })).toBeVisible();

  const top = page.getByTestId("overview-gainers").getByRole("listitem").first().getByRole("link");
  const name = (await top.textContent())!.split(" · ")[0]!.trim().replace(/^@/, "");
  await top.click();
  await expect(page).toHaveURL(/\/demo\/accounts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  await page.goto("/demo");
  const failing = Number((await page.getByTestId("overview-failing-count").textContent())!.replace(/\D/g, ""));
  expect(failing).toBeGreaterThan(0);
  await page.getByTestId("overview-failing-accounts").getByRole("link", { name: "Failing accounts →" }).click();
  await expect(page).toHaveURL(/\/demo\/accounts\?show=active&health=failing$/);
  // The Overview and the Accounts page count the same set.
  await expect(page.getByTestId("account-row")).toHaveCount(Math.min(failing, 50));

  const link = page.getByTestId("export-accounts-xlsx");
  await expect(link).toHaveAttribute("href", /\/api\/v1\/workspaces\/demo\/accounts\/export\?.*health=failing.*format=xlsx/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^accounts-demo-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const [header, ...rows] = await xlsxRows(await readFile((await download.path())!));
  expect(header?.slice(0, 2)).toEqual(["Platform", "Handle"]);
  expect(rows).toHaveLength(failing);
  const health = header!.indexOf("Health");
  expect(rows.every((row) => row[health] === "failing")).toBe(true);
});
