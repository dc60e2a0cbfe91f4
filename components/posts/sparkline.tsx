import { formatCount } from "@/lib/format";

/** A tiny line of daily values, drawn as SVG on the server; the label carries the numbers. */
export function Sparkline({ points, label, width = 96, height = 24 }: { points: { date: string; gained: number }[]; label: string; width?: number; height?: number }) {
  if (points.length === 0) return null;
  const max = Math.max(...points.map((point) => point.gained), 0);
  const min = Math.min(...points.map((point) => point.gained), 0);
  const span = max - min || 1;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const coordinates = points.map((point, n) => `${(n * step).toFixed(1)},${(height - 2 - ((point.gained - min) / span) * (height - 4)).toFixed(1)}`);
  const total = points.reduce((sum, point) => sum + point.gained, 0);
  const peak = points.reduce((best, point) => (point.gained > best.gained ? point : best), points[0] as { date: string; gained: number });
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${formatCount(total)} views gained, most on ${peak.date} (${formatCount(peak.gained)})`} className="overflow-visible">
      <title>{`${formatCount(total)} views gained; peak ${formatCount(peak.gained)} on ${peak.date}`}</title>
      {points.length === 1 ? (
        <circle cx={width / 2} cy={coordinates[0]?.split(",")[1]} r={2} fill="#0072B2" />
      ) : (
        <polyline points={coordinates.join(" ")} fill="none" stroke="#0072B2" strokeWidth={1.5} strokeLinejoin="round" />
      )}
    </svg>
  );
}
