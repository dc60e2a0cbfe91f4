import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Answered by the fixture server (playwright.config.ts points the app's scrapers at it).
const ACCOUNTS = [
  { platform: "bluesky", handle: "reach.bsky.social" },
  { platform: "bluesky", handle: "fresh.bsky.social" },
  { platform: "bluesky", handle: "nobody.bsky.social" },
];

test("an editor runs a snapshot run for one platform and watches it reach 100%", async ({ page, baseURL }) => {
  await signIn(page, "editor", "/demo/jobs");
  for (const account of ACCOUNTS) {
    const response = await page.request.post("/api/v1/workspaces/demo/accounts", { data: account, headers: { origin: baseURL ?? "" } });
    expect([201, 409]).toContain(response.status());
  }

  await page.goto("/demo/jobs");
  await page.getByLabel("Accounts").selectOption("platform");
  await page.getByLabel("Platform").selectOption("bluesky");
  await page.getByRole("button", { name: "Run now" }).click();

  const run = page.getByTestId("job-run").first();
  await expect(run).toContainText("Bluesky");
  await expect(run.getByTestId("job-progress-text")).toContainText("100%", { timeout: 30_000 });
  // One of the three accounts does not exist: the run ends partial.
  await expect(run).toHaveAttribute("data-status", "partial");
  await expect(run.getByTestId("job-progress")).toHaveAttribute("aria-valuenow", "100");
  const outcomes = run.getByTestId("job-outcomes");
  await expect(outcomes).toContainText(/succeeded [2-9]/);
  await expect(outcomes).toContainText("not found 1");
  await outcomes.getByText("1 error:").click();
  await expect(outcomes.getByTestId("job-errors")).toContainText("It does not exist: deleted, renamed or mistyped. Check the handle or URL");
  await expect(outcomes.getByRole("link", { name: "See the failing accounts" })).toHaveAttribute("href", "/demo/accounts?health=failing");
  await expect(run.getByRole("button", { name: "Retry failed" })).toBeVisible();
});

test("a viewer sees the runs but no Run now, and the API refuses to start one", async ({ page, baseURL }) => {
  await signIn(page, "viewer", "/demo/jobs");
  await expect(page.getByTestId("job-run").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Run now" })).toHaveCount(0);
  const response = await page.request.post("/api/v1/workspaces/demo/jobs", { data: {}, headers: { origin: baseURL ?? "" } });
  expect(response.status()).toBe(403);
});
