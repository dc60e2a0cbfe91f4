import { existsSync } from "node:fs";
import { chromiumPath } from "../playwright.config";

/** Unpacks @sparticuz/chromium when neither CHROMIUM_PATH nor /usr/bin/chromium is available. */
export default async function globalSetup() {
  if (existsSync(chromiumPath)) return;
  const { default: chromium } = await import("@sparticuz/chromium");
  const unpacked = await chromium.executablePath();
  if (unpacked !== chromiumPath) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${chromiumPath}`);
}
