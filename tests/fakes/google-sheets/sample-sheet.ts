import { readFile } from "node:fs/promises";
import path from "node:path";
import Papa from "papaparse";
import type { FakeGoogle } from "./fake-google-server";

export const SAMPLE_SHEET_CSV = path.join(process.cwd(), "tests/fixtures/sheets/sample-posts.csv");
export const SAMPLE_SPREADSHEET_ID = "1ReachSampleSheet_0000000000000000000000000";
export const SAMPLE_TAB = "Posts";
/** Exists but is not shared with anyone: connecting it shows the permission-denied message. */
export const UNSHARED_SPREADSHEET_ID = "1ReachUnsharedSheet_000000000000000000000000";

/** The shipped sample sheet as the fake's "Posts" tab (and a "Summary" tab with no URL column), shared with the service account. */
export async function addSampleSheet(google: FakeGoogle, email: string) {
  const parsed = Papa.parse<string[]>(await readFile(SAMPLE_SHEET_CSV, "utf8"), { skipEmptyLines: false });
  const rows = parsed.data.filter((row, index, all) => !(index === all.length - 1 && row.every((cell) => cell === "")));
  google.addSpreadsheet({ spreadsheetId: UNSHARED_SPREADSHEET_ID, title: "Not shared", tabs: { Posts: rows } });
  const summary = [["Creator", "Posts", "Status"], ["reach.demo", 12, "ok"]];
  return google.addSpreadsheet({ spreadsheetId: SAMPLE_SPREADSHEET_ID, title: "Reach sample posts", tabs: { [SAMPLE_TAB]: rows, Summary: summary }, shares: { [email]: "writer" } });
}

export const BENCH_SPREADSHEET_ID = "1ReachBenchSheet_00000000000000000000000000";
export const BENCH_HEADERS = ["TikTok URL", "Creator", "Set", "VA", "Type", "Status", "Views", "Likes", "Comments", "Shares", "Saves", "Slides", "Last scraped", "Notes"];

/** A sheet of `rows` ready rows of distinct posts for the pipeline bench, shared with the service account. */
export function addBenchSheet(google: FakeGoogle, email: string, rows: number) {
  const data = Array.from({ length: rows }, (_, i) => {
    const postId = `7340${String(i).padStart(15, "0")}`;
    return [`https://www.tiktok.com/@bench.${i % 50}/video/${postId}`, `bench.${i % 50}`, `S${i % 20}`, `VA ${i % 8}`, i % 5 < 3 ? "Slideshow" : "Video", "Ready to Scrape"];
  });
  return google.addSpreadsheet({ spreadsheetId: BENCH_SPREADSHEET_ID, title: "Reach bench posts", tabs: { Posts: [BENCH_HEADERS, ...data] }, shares: { [email]: "writer" } });
}
