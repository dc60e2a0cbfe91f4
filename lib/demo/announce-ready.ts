import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { DEMO_USERS } from "./demo-users";

/** The one line a developer looks for after `npm run dev`: where to go and how to sign in. */
export function readyLine({ url, signIns }: { url: string; signIns: boolean }): string {
  if (!signIns) return `Reach is ready at ${url}`;
  const [first, ...others] = DEMO_USERS.map((user) => `${user.email} / ${user.password}`);
  return `Reach is ready at ${url}: sign in as ${first} (or ${others.join(", ")})`;
}

export function announceReady(): void {
  // The demo passwords are printed by the dev server only: production logs never carry a password.
  const signIns = env.NODE_ENV === "development" && !env.DATABASE_URL;
  logger.info(readyLine({ url: env.appUrl ?? `http://localhost:${env.PORT}`, signIns }));
}
