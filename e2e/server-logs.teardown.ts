import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SERVER_LOG } from "../playwright.config";
import { ATTACK_PASSWORD } from "./attack-helpers";
import { DEMO } from "./helpers";

// Every password, token and cookie the suite sent: none may appear in what the server printed.
const SECRETS: RegExp[] = [
  ...Object.values(DEMO).map((user) => new RegExp(user.password)),
  /quiet-harbour-lantern-42/,
  /amber-violet-compass-73/,
  /wrong-password-\d+/,
  /password1234/,
  ATTACK_PASSWORD,
  /\/invite\/[A-Za-z0-9_-]{43}/,
  /next-auth\.session-token/,
  /next-auth\.csrf-token/,
];

test("the server logged no password, invitation token or session cookie", async () => {
  const log = await readFile(SERVER_LOG, "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).toContain("Ready");
  for (const secret of SECRETS) expect(log, String(secret)).not.toMatch(secret);
});
