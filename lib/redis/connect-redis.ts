import { Redis } from "ioredis";
import { logger } from "@/lib/log/logger";

/**
 * A Redis client without the offline queue: while Redis is unreachable a command fails at once and
 * the caller falls back. Logs one line per outage (not per reconnect) and resolves after the first
 * connect or its failure, since commands fail until then.
 */
export async function connectRedis(url: string, { component, purpose }: { component: string; purpose: string }): Promise<Redis> {
  const client = new Redis(url, { enableOfflineQueue: false });
  let healthy = true;
  client.on("ready", () => {
    healthy = true;
  });
  client.on("error", (error) => {
    if (healthy) logger.error({ component, err: error }, `Redis for ${purpose} is unreachable`);
    healthy = false;
  });
  await new Promise<void>((resolve) => {
    client.once("ready", resolve);
    client.once("error", () => resolve());
  });
  return client;
}
