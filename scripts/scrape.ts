/**
 * npm run scrape -- account <platform> <handle-or-url>
 * npm run scrape -- post <tiktok-url>
 * Prints exactly one JSON object on stdout; on failure {"error":{code,message,retryable}} and exit code 1.
 */
import { scraperConfigFromEnv } from "@/lib/scrapers/config-from-env";
import { createScraperContext } from "@/lib/scrapers/context";
import { ScrapeError, toScrapeError } from "@/lib/scrapers/errors";
import { accountOutput, postOutput } from "@/lib/scrapers/output";
import { scrapeTiktokPost } from "@/lib/scrapers/platforms/tiktok/post";
import { scrapeAccount } from "@/lib/scrapers/scrape-account";

const USAGE = "usage: scrape account <platform> <handle-or-url> | scrape post <tiktok-url>";
// The scrapers once spelled Truth Social "truthsocial"; old invocations keep working, the output says truth_social.
const PLATFORM_ALIASES: Readonly<Record<string, string>> = { truthsocial: "truth_social" };

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const ctx = createScraperContext(scraperConfigFromEnv());
  try {
    if (command === "account" && args.length === 2) {
      const platform = args[0] ?? "";
      const metrics = await scrapeAccount(PLATFORM_ALIASES[platform] ?? platform, args[1] ?? "", ctx);
      process.stdout.write(`${JSON.stringify(accountOutput(metrics))}\n`);
    } else if (command === "post" && args.length === 1) {
      process.stdout.write(`${JSON.stringify(postOutput(await scrapeTiktokPost(args[0] ?? "", ctx)))}\n`);
    } else {
      throw new ScrapeError("invalid_input", USAGE);
    }
    return 0;
  } catch (error) {
    const failure = toScrapeError(error);
    process.stdout.write(`${JSON.stringify({ error: failure.toJSON() })}\n`);
    return 1;
  } finally {
    await ctx.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
