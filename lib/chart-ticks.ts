/**
 * Y-axis ticks for a count chart: round steps over the data, and labels with just enough decimals
 * that no two read the same ("3.8M" twice was a bug). One value gets a band around it, not a flat axis.
 */
export function countTicks(values: readonly (number | null)[], count = 5): { ticks: number[]; label: (value: number) => string } | null {
  const reported = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (reported.length === 0) return null;
  let min = Math.min(...reported);
  let max = Math.max(...reported);
  if (min === max) {
    const pad = Math.max(1, Math.abs(min) * 0.02);
    [min, max] = [min - pad, max + pad];
  }
  const step = niceStep((max - min) / (count - 1));
  const first = Math.floor(min / step) * step;
  const start = first < 0 && Math.min(...reported) >= 0 ? 0 : first;
  const ticks: number[] = [];
  for (let tick = start; ticks.length === 0 || ticks[ticks.length - 1]! < max; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { ticks, label: uniqueLabels(ticks) };
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
}

function uniqueLabels(ticks: number[]): (value: number) => string {
  for (let digits = 0; digits <= 3; digits += 1) {
    const format = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: digits });
    if (new Set(ticks.map((tick) => format.format(tick))).size === ticks.length) return (value) => format.format(value);
  }
  const exact = new Intl.NumberFormat("en-US");
  return (value) => exact.format(value);
}
