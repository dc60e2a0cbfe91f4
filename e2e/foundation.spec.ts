import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a signed-out visitor is sent to sign-in and the API answers 401", async ({ page, request }) => {
  await page.goto("/demo/accounts");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdemo%2Faccounts/);
  const api = await request.get("/api/v1/workspaces/demo/accounts");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  expect((await api.json()).code).toBe("unauthenticated");
  // Every answer carries the request id the server logs under; a well-formed incoming one is kept.
  expect(api.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const traced = await request.get("/api/health", { headers: { "x-request-id": "lb-7f3a9c2e-0001" } });
  expect(traced.headers()["x-request-id"]).toBe("lb-7f3a9c2e-0001");
  const forged = await request.get("/api/health", { headers: { "x-request-id": "bad id <script>" } });
  expect(forged.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect((await request.get("/api/health")).status()).toBe(200);
  // Readiness is public too (load balancers carry no session), and names every check it made.
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({
    status: "ready",
    checks: { database: { ok: true }, migrations: { ok: true }, storage: { ok: true }, jobs: { ok: true, detail: "local runner" } },
  });
});

test("a wrong password shows an error", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@reach.demo");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/sign-in/);
});

test("the demo admin sees the accounts with latest followers and 7-day change", async ({ page }) => {
  await signIn(page, "admin", "/demo/accounts");
  await expect(page).toHaveURL(/\/demo\/accounts/);
  await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
  const rows = page.getByTestId("account-row");
  // The grid renders only the rows in view; the summary counts the page.
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId("accounts-summary")).toContainText(/1–[\d,]+ of [\d,]+/);
  await expect(page.getByText(/\d+ tracked accounts/)).toBeVisible();
  // Sorted by 7-day change, descending: the first row's change is a positive number (then its share, "+2.5%").
  const headers = await page.getByRole("table", { name: "Tracked accounts" }).getByRole("columnheader").allTextContents();
  const change7d = headers.findIndex((text) => text.trim().startsWith("7 days"));
  expect(change7d).toBeGreaterThan(0);
  await expect(rows.first().getByRole("cell").nth(change7d)).toHaveText(/^\+[\d,]+(\+[\d.]+%)?$/);

  await page.getByLabel("Platform").selectOption("bluesky");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/platform=bluesky/);
  await expect(rows.first()).toContainText("Bluesky");

  // Tags and organizations in use are offered as filters; a filter with no match offers to clear them all.
  const firstTag = await page.getByLabel("Tag").locator("option").nth(1).getAttribute("value");
  expect(firstTag).toBeTruthy();
  await page.getByLabel("Tag").selectOption(firstTag ?? "");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/tag=/);
  await expect(rows.first()).toBeVisible();
  await page.goto("/demo/accounts?tag=no-such-tag&core=only");
  await expect(page.getByRole("heading", { name: "No accounts match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/demo\/accounts$/);
  await expect(rows.first()).toBeVisible();
});

test("the viewer reads every dashboard page, and another workspace's slug is a 404", async ({ page }) => {
  await signIn(page, "viewer", "/demo");
  for (const [path, heading] of [
    ["/demo", "Overview"],
    ["/demo/accounts", "Accounts"],
    ["/demo/posts", "TikTok posts"],
    ["/demo/jobs", "Jobs"],
    ["/demo/settings", "Settings"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  }
  const foreign = await page.goto("/acme/accounts");
  expect(foreign?.status()).toBe(404);
  const api = await page.request.get("/api/v1/workspaces/acme/accounts");
  expect(api.status()).toBe(404);
  expect((await api.json()).code).toBe("not_found");
});

test("a missing page or a forbidden one inside a workspace keeps the sidebar, and /favicon.ico answers", async ({ page }) => {
  await signIn(page, "viewer", "/demo");
  // The account page streams behind its loading skeleton, so Next has sent 200 before it knows.
  await page.goto("/demo/accounts/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
  const forbidden = await page.goto("/demo/settings/members");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You can't open this page", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("pages carry a nonce CSP and the security headers", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toContain("max-age=");
});

test("the shell works on a phone and sign-out ends the session", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, "editor", "/demo");
  await page.getByRole("button", { name: /open navigation/i }).click();
  await page.getByRole("link", { name: "Accounts" }).click();
  await expect(page).toHaveURL(/\/demo\/accounts/);
  await page.getByRole("button", { name: /open user menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/sign-in/);
  await page.goto("/demo");
  await expect(page).toHaveURL(/sign-in/);
});
