import { execFileSync } from "node:child_process";

/** Headless Chromium processes on this machine, for leak checks in tests and benches. */
export function chromiumProcesses(): number {
  try {
    return Number(execFileSync("pgrep", ["-c", "-f", "chrom(e|ium).*--headless"], { encoding: "utf8" }).trim());
  } catch (error) {
    // pgrep exits 1 when nothing matches; anything else (pgrep missing) must fail the caller, not pass it.
    if ((error as { status?: number }).status === 1) return 0;
    throw error;
  }
}
