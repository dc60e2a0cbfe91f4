/**
 * npm run fixtures [-- --port 4010]
 * Serves the scraper fixtures on 127.0.0.1 and prints the SCRAPER_ORIGIN_OVERRIDES value that points every platform at it.
 * Any other handle answers as a plausible normal account (development mode), so imported lists can be run.
 */
import { startFixtureServer } from "@/tests/scrapers/fixture-server";

const portFlag = process.argv.indexOf("--port");
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 4010;

startFixtureServer({ port, anyAccount: true }).then((server) => {
  process.stdout.write(`SCRAPER_ORIGIN_OVERRIDES=${server.overridesEnv()}\n`);
  process.stderr.write(`fixture server listening on ${server.origin} (Ctrl-C to stop)\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
});
