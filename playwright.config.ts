import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { DEV_CDN_HOSTS } from "./tests/tiktok/dev-posts";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// e2e/alerts-webhooks.spec.ts runs a webhook receiver here; the server lets deliveries through to it.
export const WEBHOOK_RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? Number(process.env.E2E_FIXTURES_PORT ?? 4020) + 9);
export const SERVER_LOG = ".data/e2e-server.log";

// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the copy that e2e/global-setup.ts unpacks
// from @sparticuz/chromium into /tmp (so a machine with no system packages still runs the suite).
export const chromiumPath =
  process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : "/tmp/chromium");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: BASE_URL,
    trace: "off",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, teardown: "server-logs" },
    // Runs after every browser test: reads what the server logged during the whole suite.
    { name: "server-logs", testMatch: /server-logs\.teardown\.ts/ },
  ],
  webServer: [
    {
      // The scraper fixture server: the app's scrapers reach "the platforms" here (e2e/jobs.spec.ts).
      command: `npm run fixtures -- --port ${Number(process.env.E2E_FIXTURES_PORT ?? 4020)}`,
      port: Number(process.env.E2E_FIXTURES_PORT ?? 4020),
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // A production build on a fresh embedded database, seeded on first start.
      command: `rm -rf .data/e2e && mkdir -p .data && npm run build && npx next start -H 127.0.0.1 -p ${PORT} 2>&1 | tee ${SERVER_LOG}`,
      url: `${BASE_URL}/api/ready`,
      timeout: 420_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        REACH_DATA_DIR: ".data/e2e",
        DATABASE_URL: "",
        NEXTAUTH_URL: BASE_URL,
        // The suite serves plain http on loopback; production refuses that unless told explicitly.
        ALLOW_INSECURE_COOKIES: "1",
        NEXTAUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
        SCRAPER_ORIGIN_OVERRIDES: [
          // TikTok's pages, its short links and the slide CDN are the fixture server's dev post world.
          ...["www.tiktok.com", "vm.tiktok.com", "vt.tiktok.com", ...DEV_CDN_HOSTS, "public.api.bsky.app", "mastodon.social"].map((host) => `${host}=http://127.0.0.1:${Number(process.env.E2E_FIXTURES_PORT ?? 4020)}`),
          // The fixtures script serves the fake Google Sheets one port up, and writes the key it trusts.
          ...["sheets.googleapis.com", "oauth2.googleapis.com"].map((host) => `${host}=http://127.0.0.1:${Number(process.env.E2E_FIXTURES_PORT ?? 4020) + 1}`),
        ].join(","),
        GOOGLE_APPLICATION_CREDENTIALS: ".data/fixtures/service-account.json",
        WEBHOOK_ALLOWED_ORIGINS: `http://127.0.0.1:${WEBHOOK_RECEIVER_PORT}`,
        // No scheduled run may start while a spec watches its own.
        SNAPSHOT_LOCAL_TIME: "off",
      },
    },
  ],
});
