/** Runs one scrape and appends how long it took, in whole milliseconds, whether it succeeded or threw. */
export async function timeScrape<T>(into: number[], scrape: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await scrape();
  } finally {
    into.push(Math.round(performance.now() - started));
  }
}
