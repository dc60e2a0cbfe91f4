import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("members see first-slide thumbnails through the slide route; other workspaces get 404, signed out 401", async ({ page, baseURL, playwright }) => {
  await signIn(page, "viewer", "/demo/posts");
  const thumbnail = page.getByTestId("post-thumbnail").first();
  await expect(thumbnail).toBeVisible();
  const src = await thumbnail.getAttribute("src");
  expect(src).toMatch(/^\/api\/v1\/workspaces\/demo\/posts\/[0-9a-f-]{36}\/slides\/0$/);
  // The grid renders its rows on the client too: the lazy image may still be loading.
  await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

  const served = await page.request.get(src!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toMatch(/^image\//);
  expect((await page.request.get(`/api/v1/workspaces/demo/posts/${randomUUID()}/slides/0`)).status()).toBe(404);
  expect((await page.request.get(src!.replace("/workspaces/demo/", "/workspaces/not-a-member-here/"))).status()).toBe(404);

  const signedOut = await playwright.request.newContext({ baseURL });
  expect((await signedOut.get(src!)).status()).toBe(401);
  await signedOut.dispose();
});
