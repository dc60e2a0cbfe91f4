/**
 * npm run fixtures [-- --port 4010] [-- --bench-rows 1000]
 * Serves the scraper fixtures on 127.0.0.1:<port> and a fake Google Sheets API (with its OAuth token
 * endpoint and the sample sheet from tests/fixtures/sheets) on <port + 1>. Writes a generated
 * service-account key and .data/fixtures.env, which `npm run dev:fixtures` loads.
 * Any other handle answers as a plausible normal account (development mode), so imported lists can be run;
 * any TikTok post URL (/@user/video/<id>, /photo/<id>, vm./vt. short links) answers a plausible post with slides.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { startFixtureServer } from "@/tests/scrapers/fixture-server";
import { createDevPosts } from "@/tests/tiktok/dev-posts";
import { startSheetFixtures } from "@/tests/fakes/google-sheets/start-sheet-fixtures";

const portFlag = process.argv.indexOf("--port");
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 4010;
const benchFlag = process.argv.indexOf("--bench-rows");
// bench/posts-pipeline.bench.ts asks for a sheet of N distinct ready posts as well.
const benchRows = benchFlag >= 0 ? Number(process.argv[benchFlag + 1]) : 0;

async function main() {
  const server = await startFixtureServer({ port, anyAccount: true, dynamic: createDevPosts().respond });
  const sheets = await startSheetFixtures({ port: port === 0 ? 0 : port + 1, dataDir: env.REACH_DATA_DIR, benchRows });
  const overrides = `${server.overridesEnv()},${sheets.google.overridesEnv()}`;
  const envFile = path.join(env.REACH_DATA_DIR, "fixtures.env");
  await mkdir(path.dirname(envFile), { recursive: true });
  await writeFile(envFile, `SCRAPER_ORIGIN_OVERRIDES=${overrides}\nGOOGLE_APPLICATION_CREDENTIALS=${sheets.keyFile}\n`);
  process.stdout.write(`SCRAPER_ORIGIN_OVERRIDES=${overrides}\nGOOGLE_APPLICATION_CREDENTIALS=${sheets.keyFile}\n`);
  process.stderr.write(
    [
      `fixture server listening on ${server.origin}; fake Google Sheets on ${sheets.google.origin} (Ctrl-C to stop)`,
      `variables written to ${envFile}; run \`npm run dev:fixtures\` to start the app with them`,
      `sample sheet: https://docs.google.com/spreadsheets/d/${sheets.spreadsheetId}/edit (tab "${sheets.tab}"), shared with ${sheets.email}`,
      "",
    ].join("\n"),
  );
  const stop = () => Promise.all([server.close(), sheets.google.close()]).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
