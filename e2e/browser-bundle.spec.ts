import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Strings that exist only in the Drizzle schema, its RLS policy SQL or the server's database code.
const SERVER_MARKERS = ["member_workspace_ids", "workspace_ids_with_role", "tiktok_post_stats_post_fk", "drizzle:", "set local role"];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)])));
  return nested.flat();
}

test("no browser chunk of the production build carries schema code or policy SQL", async () => {
  const chunks = (await filesUnder(path.join(".next", "static"))).filter((file) => file.endsWith(".js"));
  expect(chunks.length).toBeGreaterThan(10);
  const offenders: string[] = [];
  for (const file of chunks) {
    const text = await readFile(file, "utf8");
    for (const marker of SERVER_MARKERS) if (text.includes(marker)) offenders.push(`${file}: ${marker}`);
  }
  expect(offenders).toEqual([]);
});
