import { Inngest } from "inngest";
import { env } from "@/lib/env";

/** Inngest runs the functions when it is configured (an event key, or INNGEST_DEV); otherwise the local runner does. */
export const inngestConfigured = Boolean(env.INNGEST_EVENT_KEY) || env.INNGEST_DEV;

export function createInngestClient(options: { signingKey?: string; eventKey?: string; isDev?: boolean; baseUrl?: string } = {}) {
  return new Inngest({ id: "reach", ...options });
}

export const inngest = createInngestClient({
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  isDev: env.INNGEST_DEV,
  baseUrl: env.INNGEST_BASE_URL,
});
