import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { signIn } from "./helpers";

// A user of its own: the demo users stay without a second factor for the other specs, and only
// this address's sign-in count moves (the suite trusts no proxy, so no IP is counted).
const PASSWORD = "amber-violet-compass-73";

test("a new member turns on two-factor, then signs in with password and code, and not without the code", async ({ page, browser, baseURL }) => {
  const email = `two-factor-${Date.now()}@example.org`;
  await signIn(page, "admin", "/demo/settings/members");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())?.trim() ?? "";

  const context = await browser.newContext({ baseURL });
  const member = await context.newPage();
  await member.goto(link);
  await member.getByLabel("Choose a password").fill(PASSWORD);
  await member.getByLabel("Repeat the password").fill(PASSWORD);
  await member.getByRole("button", { name: "Accept invitation" }).click();
  await member.getByRole("link", { name: "Sign in with your new password" }).click();
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill(PASSWORD);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(/\/demo$/);

  await member.getByRole("button", { name: "Open user menu" }).click();
  await member.getByRole("menuitem", { name: "Your account" }).click();
  await expect(member).toHaveURL(/\/account$/);
  await member.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(member.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await member.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await member.getByLabel("Code from the app").fill(await generate({ secret }));
  await member.getByRole("button", { name: "Turn on" }).click();
  await expect(member.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  // Turning it on ended every session, this one included.
  expect((await member.request.get("/api/v1/me/two-factor")).status()).toBe(401);
  await member.getByRole("button", { name: "I saved them, sign in again" }).click();
  await expect(member).toHaveURL(/\/sign-in/);

  // The password alone: the form asks for the code, and no session exists yet.
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill(PASSWORD);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByLabel("Two-factor code")).toBeVisible();
  await expect(member).toHaveURL(/\/sign-in/);
  expect((await member.request.get("/api/v1/workspaces/demo")).status()).toBe(401);

  // The next step's code: the one used to turn it on can never be used again.
  await member.getByLabel("Two-factor code").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await member.getByRole("button", { name: "Verify" }).click();
  await expect(member).toHaveURL(/\/demo$/);
  expect((await member.request.get("/api/v1/workspaces/demo")).status()).toBe(200);
  await member.goto("/account");
  await expect(member.getByText(/10 of 10 recovery codes left/)).toBeVisible();
  await context.close();
});
