import path from "node:path";
import { startFakeGoogle, type FakeGoogle } from "./fake-google-server";
import { addBenchSheet, addSampleSheet, SAMPLE_SPREADSHEET_ID, SAMPLE_TAB } from "./sample-sheet";
import { generateServiceAccount, writeServiceAccountKeyFile } from "./service-account-key";

export interface SheetFixtures {
  google: FakeGoogle;
  email: string;
  keyFile: string;
  spreadsheetId: string;
  tab: string;
}

/** The fake Google with the sample sheet (and the bench sheet when asked), and a fresh service-account key file it trusts under dataDir. */
export async function startSheetFixtures(options: { port?: number; dataDir: string; benchRows?: number }): Promise<SheetFixtures> {
  const google = await startFakeGoogle({ port: options.port });
  const account = generateServiceAccount();
  google.registerServiceAccount(account.email, account.publicKeyPem);
  const keyFile = await writeServiceAccountKeyFile(path.join(options.dataDir, "fixtures", "service-account.json"), account);
  await addSampleSheet(google, account.email);
  if (options.benchRows) addBenchSheet(google, account.email, options.benchRows);
  return { google, email: account.email, keyFile, spreadsheetId: SAMPLE_SPREADSHEET_ID, tab: SAMPLE_TAB };
}
