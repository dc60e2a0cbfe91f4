/**
 * npm run fixtures [-- --port 4010]
 * Serves the scraper fixtures on 127.0.0.1 and prints the SCRAPER_ORIGIN_OVERRIDES value that points every platform at it.
 * Any other handle answers as a plausible normal account (development mode), so imported lists can be run;
 * any TikTok post URL (/@user/video/<id>, /photo/<id>, vm./vt. short links) answers a plausible post with slides.
 */
import { startFixtureServer } from "@/tests/scrapers/fixture-server";
import { createDevPosts } from "@/tests/tiktok/dev-posts";

const portFlag = process.argv.indexOf("--port");
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 4010;

startFixtureServer({ port, anyAccount: true, dynamic: createDevPosts().respond }).then((server) => {
  process.stdout.write(`SCRAPER_ORIGIN_OVERRIDES=${server.overridesEnv()}\n`);
  process.stderr.write(`fixture server listening on ${server.origin} (Ctrl-C to stop)\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
});
