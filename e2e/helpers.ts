import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@reach.demo", password: "reach-demo-admin" },
  editor: { email: "editor@reach.demo", password: "reach-demo-editor" },
  viewer: { email: "viewer@reach.demo", password: "reach-demo-viewer" },
} as const;

export async function signIn(page: Page, who: keyof typeof DEMO, target = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel("Email").fill(DEMO[who].email);
  await page.getByLabel("Password").fill(DEMO[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}
