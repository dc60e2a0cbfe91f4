import { execFileSync } from "node:child_process";

interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  args: string;
}

const HEADLESS_CHROMIUM = /chrom(e|ium).*--headless/;

function processes(): ProcessRow[] {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,pgid=,args="], { encoding: "utf8" });
  return out.split("\n").flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    return match ? [{ pid: Number(match[1]), ppid: Number(match[2]), pgid: Number(match[3]), args: match[4]! }] : [];
  });
}

function descendants(rows: ProcessRow[], root: number): ProcessRow[] {
  const found: ProcessRow[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (parents.has(row.ppid) && !parents.has(row.pid)) {
        parents.add(row.pid);
        found.push(row);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * The process groups of the headless Chromiums this process started. Playwright starts each browser
 * in a group of its own, which its helpers keep even when they outlive it and are re-parented, so
 * counting by group sees leaks that counting by parent would miss, and nobody else's browsers.
 */
export function chromiumProcessGroups(root = process.pid): Set<number> {
  return new Set(descendants(processes(), root).filter((row) => HEADLESS_CHROMIUM.test(row.args)).map((row) => row.pgid));
}

/** Headless Chromium processes in these groups, or (without groups) started by this process. */
export function chromiumProcesses(groups?: ReadonlySet<number>): number {
  const rows = processes();
  const candidates = groups ? rows.filter((row) => groups.has(row.pgid)) : descendants(rows, process.pid);
  return candidates.filter((row) => HEADLESS_CHROMIUM.test(row.args)).length;
}
