import { createSheetsClient, type SheetsClient } from "./sheets-client";
import { serviceAccountFromEnv, sheetsConfigFromEnv } from "./sheets-config-from-env";

// One client per process: its throttle must see every request the service account makes here.
const holder = globalThis as unknown as { __reachSheetsClient?: Promise<SheetsClient> };

/** The configured service account's client; an AppError naming the variable when it is missing or wrong. */
export function getSheetsClient(): Promise<SheetsClient> {
  holder.__reachSheetsClient ??= Promise.resolve()
    .then(() => createSheetsClient(sheetsConfigFromEnv()))
    .catch((error: unknown) => {
      holder.__reachSheetsClient = undefined;
      throw error;
    });
  return holder.__reachSheetsClient;
}

/** For the settings page: the email to share sheets with, or why there is none. */
export function describeServiceAccount(): { email: string } | { problem: string } {
  try {
    const account = serviceAccountFromEnv();
    if (account) return { email: account.key.client_email };
    return { problem: "No Google service account is configured: set GOOGLE_APPLICATION_CREDENTIALS or GOOGLE_SERVICE_ACCOUNT_JSON on the server." };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : "The Google service account key cannot be read." };
  }
}
