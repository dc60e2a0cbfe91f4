import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver, type WebhookReceiver } from "../tests/webhook-receiver";
import { WEBHOOK_RECEIVER_PORT } from "../playwright.config";
import { signIn } from "./helpers";

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver(WEBHOOK_RECEIVER_PORT);
});
test.afterAll(async () => {
  await receiver?.close();
});

test("an admin adds a webhook endpoint, sees its secret once, sends a test event and finds it delivered in the log", async ({ page }) => {
  await signIn(page, "admin", "/demo/settings");
  await page.getByRole("link", { name: "Manage webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
  await page.getByLabel("Name").fill("E2E receiver");
  await page.getByLabel("URL").fill(receiver.url("/e2e-webhook"));
  await page.getByRole("button", { name: "Add" }).click();
  const secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  const row = page.getByTestId("endpoint-row").filter({ hasText: "E2E receiver" });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Send test event to E2E receiver" }).click();
  const delivered = page.getByTestId("delivery-row").filter({ hasText: "E2E receiver" }).filter({ hasText: "webhook.test" });
  await expect(delivered).toContainText("succeeded", { timeout: 30_000 });
  await expect(delivered).toContainText("200");
  const request = receiver.received.find((candidate) => candidate.path === "/e2e-webhook");
  expect(new Webhook(secret).verify(request!.body, request!.headers)).toMatchObject({ type: "webhook.test" });
  // A private address outside the allowed origins is refused when saved.
  await page.getByLabel("Name").fill("Metadata");
  await page.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a public address" })).toBeVisible();
});

test("an editor adds a Slack channel and a rule in Settings → Alerts, and the channel's test message arrives", async ({ page, browser, baseURL }) => {
  await signIn(page, "editor", "/demo/settings");
  await page.getByRole("link", { name: "Configure alerts" }).click();
  await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
  await page.getByLabel("Channel").selectOption("slack");
  await page.getByLabel("Name", { exact: true }).first().fill("Team Slack");
  await page.getByLabel("URL or email address").fill(receiver.url("/services/T0/B0/e2e"));
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const channel = page.getByTestId("endpoint-row").filter({ hasText: "Team Slack" });
  await expect(channel).toBeVisible();
  const form = page.getByTestId("rule-form");
  await form.getByLabel("Rule").selectOption("followers_change");
  await form.getByLabel("Change over (%)").fill("25");
  await form.getByLabel("Direction").selectOption("drop");
  await form.getByLabel("Name").fill("Big drops");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("rule-row").filter({ hasText: "Big drops" })).toContainText("Team Slack");
  await channel.getByRole("button", { name: "Send test event to Team Slack" }).click();
  await expect(page.getByTestId("delivery-row").filter({ hasText: "Team Slack" })).toContainText("succeeded", { timeout: 30_000 });
  const slack = receiver.received.find((candidate) => candidate.path === "/services/T0/B0/e2e");
  expect(JSON.parse(slack!.body)).toMatchObject({ text: expect.stringContaining("Test event from Reach"), blocks: [{ type: "section" }] });
  // Viewers do not configure alerts.
  const context = await browser.newContext({ baseURL });
  const viewer = await context.newPage();
  await signIn(viewer, "viewer", "/demo");
  expect((await viewer.goto("/demo/settings/alerts"))?.status()).toBe(403);
  await context.close();
});
