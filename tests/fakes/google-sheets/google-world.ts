import { createSheetsConfig, type SheetsConfig, type SheetsConfigInput } from "@/lib/sheets/sheets-config";
import { parseServiceAccountKey } from "@/lib/sheets/service-account-key";
import { startFakeGoogle, type FakeGoogle } from "./fake-google-server";
import { generateServiceAccount, type GeneratedServiceAccount } from "./service-account-key";

export interface GoogleWorld {
  google: FakeGoogle;
  account: GeneratedServiceAccount;
  /** A Sheets config pointed at the fake, with a short backoff so retries take milliseconds. */
  config(overrides?: Partial<SheetsConfigInput>): SheetsConfig;
}

/** The fake Google plus a service account whose public key it trusts. */
export async function startGoogleWorld(): Promise<GoogleWorld> {
  const google = await startFakeGoogle();
  const account = generateServiceAccount();
  google.registerServiceAccount(account.email, account.publicKeyPem);
  const parsed = parseServiceAccountKey(account.json);
  if (!parsed.ok) throw new Error(parsed.problem);
  return {
    google,
    account,
    config: (overrides = {}) =>
      createSheetsConfig({ key: parsed.key, originOverrides: google.overrides(), timeoutMs: 10_000, retry: { retries: 4, minTimeoutMs: 5, maxTimeoutMs: 20 }, ...overrides }),
  };
}
