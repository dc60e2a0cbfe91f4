import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin creates an API token, sees it once, uses it with curl-style requests and revokes it", async ({ page, playwright, baseURL }) => {
  const name = `e2e-${Date.now()}`;
  await signIn(page, "admin", "/demo/settings/api-tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("api-token-secret").textContent())?.trim() ?? "";
  expect(token).toMatch(/^reach_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("api-token-row").filter({ hasText: name });
  await expect(row).toContainText("Active");

  // Shown once: after a reload only the name remains.
  await page.reload();
  await expect(page.getByTestId("api-token-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  // A client with no cookies, as curl: the token alone reads the workspace and nothing else.
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const accounts = await client.get("/api/v1/workspaces/demo/accounts?limit=2");
  expect(accounts.status()).toBe(200);
  const body = (await accounts.json()) as { data: unknown[]; meta: { next_cursor: string | null } };
  expect(body.data).toHaveLength(2);
  expect(body.meta.next_cursor).toEqual(expect.any(String));
  expect(accounts.headers()["ratelimit-limit"]).toBeDefined();
  const etag = accounts.headers()["etag"] ?? "";
  expect((await client.get("/api/v1/workspaces/demo/accounts?limit=2", { headers: { "if-none-match": etag } })).status()).toBe(304);
  expect((await client.get("/api/v1/workspaces/demo/posts?limit=1")).status()).toBe(200);
  expect((await client.post("/api/v1/workspaces/demo/accounts", { data: { handle: "https://www.tiktok.com/@e2e.token" } })).status()).toBe(403);

  await page.reload();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("api-token-row").filter({ hasText: name }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-token-row").filter({ hasText: name })).toContainText("Revoked");
  const refused = await client.get("/api/v1/workspaces/demo/accounts");
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBe("unauthenticated");
  await client.dispose();
});

test("the interactive docs load under the nonce CSP, from our own origin", async ({ page, baseURL }) => {
  const failures: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(message.text());
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "") && !request.url().startsWith("data:")) failures.push(`off-origin ${request.url()}`);
  });
  await page.goto("/api/docs");
  await expect(page.getByText("Reach API").first()).toBeVisible();
  await expect(page.getByText("/workspaces/{workspace}/accounts").first()).toBeVisible();
  expect(failures).toEqual([]);
});
