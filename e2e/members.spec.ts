import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const MUTATIONS: [string, string, unknown][] = [
  ["PATCH", "/api/v1/workspaces/demo", { name: "Renamed" }],
  ["POST", "/api/v1/workspaces/demo/invitations", { email: "x@example.org", role: "viewer" }],
  ["PATCH", "/api/v1/workspaces/demo/members/00000000-0000-4000-8000-000000000001", { role: "admin" }],
  ["DELETE", "/api/v1/workspaces/demo/members/00000000-0000-4000-8000-000000000001", undefined],
  ["DELETE", "/api/v1/workspaces/demo/invitations/00000000-0000-4000-8000-000000000001", undefined],
];

test("an admin invites a viewer, who sets a password, reads every page and changes nothing", async ({ page, browser, baseURL }) => {
  const email = `new-viewer-${Date.now()}@example.org`;
  await signIn(page, "admin", "/demo/settings/members");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText(`${email} · viewer`)).toBeVisible();

  const other = await browser.newContext({ baseURL });
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: /Join Demo/ })).toBeVisible();
  // Long enough for the browser's own check, but a common password that the server refuses.
  await invitee.getByLabel("Choose a password").fill("password1234");
  await invitee.getByLabel("Repeat the password").fill("password1234");
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee.getByRole("alert").filter({ hasText: /\S/ })).toContainText(/common/i);
  await invitee.getByLabel("Choose a password").fill("quiet-harbour-lantern-42");
  await invitee.getByLabel("Repeat the password").fill("quiet-harbour-lantern-42");
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await invitee.getByRole("link", { name: "Sign in with your new password" }).click();
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill("quiet-harbour-lantern-42");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/demo$/);

  for (const path of ["/demo", "/demo/accounts", "/demo/posts", "/demo/jobs", "/demo/settings"]) {
    expect((await invitee.goto(path))?.status(), path).toBe(200);
  }
  await expect(invitee.getByRole("link", { name: /Manage members/ })).toHaveCount(0);
  expect((await invitee.goto("/demo/settings/members"))?.status()).toBe(403);
  for (const [method, url, body] of MUTATIONS) {
    const response = await invitee.request.fetch(url, { method, data: body, headers: { origin: baseURL ?? "" } });
    expect(response.status(), `${method} ${url}`).toBe(403);
  }

  // The link worked once; the second visit says so.
  await invitee.goto(link);
  await expect(invitee.getByText("This invitation has already been used.")).toBeVisible();
  await other.close();

  await page.goto("/demo/settings");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Joined the workspace from an invitation" }).first()).toBeVisible();
});

test("without a session every API route answers 401; another workspace's data answers 404", async ({ page, request, baseURL }) => {
  for (const [method, url] of [
    ["GET", "/api/v1/workspaces/demo"],
    ["GET", "/api/v1/workspaces/demo/accounts"],
    ["GET", "/api/v1/workspaces/demo/members"],
    ["GET", "/api/v1/workspaces/demo/audit-log"],
    ...MUTATIONS.map(([m, u]) => [m, u]),
  ] as const) {
    const response = await request.fetch(url, { method, headers: { origin: baseURL ?? "" } });
    expect(response.status(), `${method} ${url}`).toBe(401);
  }
  await signIn(page, "admin", "/demo");
  for (const url of ["/api/v1/workspaces/acme/members", "/api/v1/workspaces/acme/accounts", "/api/v1/workspaces/no-such-slug/members"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
  }
  const crossSite = await page.request.fetch("/api/v1/workspaces/demo", { method: "PATCH", data: { name: "x" }, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  const malformed = await page.request.fetch("/api/v1/workspaces/demo/invitations", {
    method: "POST",
    data: "{not json",
    headers: { origin: baseURL ?? "", "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).code).toBe("invalid_input");
  const overlong = await page.request.fetch("/api/v1/workspaces/demo/invitations", {
    method: "POST",
    data: { email: `${"a".repeat(300)}@example.org`, role: "viewer" },
    headers: { origin: baseURL ?? "" },
  });
  expect(overlong.status()).toBe(400);
});

test("the last admin cannot be demoted", async ({ page, baseURL }) => {
  await signIn(page, "admin", "/demo/settings/members");
  const members = await (await page.request.get("/api/v1/workspaces/demo/members")).json();
  const admins = members.data.filter((member: { role: string }) => member.role === "admin");
  expect(admins).toHaveLength(1);
  const response = await page.request.fetch(`/api/v1/workspaces/demo/members/${admins[0].userId}`, {
    method: "PATCH",
    data: { role: "viewer" },
    headers: { origin: baseURL ?? "" },
  });
  expect(response.status()).toBe(409);
  expect((await response.json()).detail).toBe("A workspace needs at least one admin.");
});

test("unknown invitation links are a 404 and bad sign-in bodies never a 500", async ({ page, request }) => {
  expect((await page.goto("/invite/not-a-real-token"))?.status()).toBe(404);
  expect((await page.goto(`/invite/${"A".repeat(43)}`))?.status()).toBe(404);
  const garbage = await request.post("/api/auth/callback/credentials", { form: { email: "x".repeat(5000), password: "y" } });
  expect(garbage.status()).toBeLessThan(500);
  const empty = await request.post("/api/auth/callback/credentials", { data: "\u0000\u0001" });
  expect(empty.status()).toBeLessThan(500);
});

test("the eleventh wrong password in 15 minutes is refused with Retry-After", async ({ page }) => {
  // A documentation-range address of its own, so this test's failures do not block the other tests' sign-ins.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.77" });
  await page.goto("/sign-in");
  const email = `guess-${Date.now()}@example.org`;
  const nextAnswer = () => page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    const answer = nextAnswer();
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await answer).status(), `attempt ${attempt}`).toBe(401);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Wrong email or password.");
  }
  const refused = nextAnswer();
  await page.getByLabel("Password").fill("wrong-password-11");
  await page.getByRole("button", { name: "Sign in" }).click();
  const response = await refused;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Too many attempts. Try again later.");
});
