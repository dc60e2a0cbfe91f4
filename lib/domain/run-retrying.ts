/**
 * "retrying: network errors, attempt 2 of 3", from `job_runs.params.retrying` (one entry per batch
 * that handed items back for another try); null unless the run is running and something is.
 */
export function describeRetrying(status: string, retrying: unknown): string | null {
  if (status !== "running" || typeof retrying !== "object" || retrying === null) return null;
  const batches = Object.values(retrying as Record<string, { next?: unknown; of?: unknown; codes?: unknown }>);
  const codes = new Set(batches.flatMap((batch) => (typeof batch.codes === "object" && batch.codes !== null ? Object.keys(batch.codes) : [])));
  const next = Math.max(0, ...batches.map((batch) => (typeof batch.next === "number" ? batch.next : 0)));
  const of = Math.max(0, ...batches.map((batch) => (typeof batch.of === "number" ? batch.of : 0)));
  if (codes.size === 0 || next === 0) return null;
  const words = [...codes].sort().map((code) => (code === "network" ? "network errors" : code.replaceAll("_", " ")));
  return `retrying: ${words.join(", ")}, attempt ${next} of ${of}`;
}
