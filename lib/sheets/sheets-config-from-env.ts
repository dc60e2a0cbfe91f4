import { readFileSync } from "node:fs";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createSheetsConfig, type SheetsConfig } from "./sheets-config";
import { parseServiceAccountKey, type ServiceAccountKey } from "./service-account-key";

const NOT_CONFIGURED = "Google Sheets is not configured: set GOOGLE_APPLICATION_CREDENTIALS (path to a service-account JSON key) or GOOGLE_SERVICE_ACCOUNT_JSON.";

// The file is read on first use, not at start-up: a deployment that never connects a sheet is not blocked by it.
function keyFromFile(file: string): ServiceAccountKey {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new AppError("not_configured", `GOOGLE_APPLICATION_CREDENTIALS: cannot read ${file} (${code}).`);
  }
  const parsed = parseServiceAccountKey(text);
  if (!parsed.ok) throw new AppError("not_configured", `GOOGLE_APPLICATION_CREDENTIALS: ${file} ${parsed.problem}.`);
  return parsed.key;
}

type KeyVariables = Pick<Env, "GOOGLE_SERVICE_ACCOUNT_JSON" | "GOOGLE_APPLICATION_CREDENTIALS">;

/** The configured service account, or null when neither variable is set; the JSON variable wins. */
export function serviceAccountFromEnv(vars: KeyVariables = env): { key: ServiceAccountKey; source: string } | null {
  if (vars.GOOGLE_SERVICE_ACCOUNT_JSON) return { key: vars.GOOGLE_SERVICE_ACCOUNT_JSON, source: "GOOGLE_SERVICE_ACCOUNT_JSON" };
  if (vars.GOOGLE_APPLICATION_CREDENTIALS) return { key: keyFromFile(vars.GOOGLE_APPLICATION_CREDENTIALS), source: "GOOGLE_APPLICATION_CREDENTIALS" };
  return null;
}

export function sheetsConfigFromEnv(vars: KeyVariables & Pick<Env, "SCRAPER_ORIGIN_OVERRIDES" | "SCRAPER_TIMEOUT_MS"> = env): SheetsConfig {
  const account = serviceAccountFromEnv(vars);
  if (!account) throw new AppError("not_configured", NOT_CONFIGURED);
  return createSheetsConfig({
    key: account.key,
    keySource: account.source,
    originOverrides: vars.SCRAPER_ORIGIN_OVERRIDES,
    timeoutMs: vars.SCRAPER_TIMEOUT_MS,
  });
}
