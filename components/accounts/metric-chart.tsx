"use client";

import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { countTicks } from "@/lib/chart-ticks";
import { suspectReasonLabel } from "@/lib/domain/suspect-reasons";
import { formatChange, formatCount } from "@/lib/format";
import type { MetricPoint } from "@/lib/services/accounts/daily-metric";

type ChartPoint = MetricPoint & { isolated: boolean };

// Okabe–Ito blue and vermillion: gains and losses stay apart for colour-blind readers, in both themes.
const GAIN = "#0072b2";
const LOSS = "#d55e00";

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: ChartPoint;
}

// Rounded figures ("1.2M") get a hollow marker so they never pass for exact counts; suspect ones a
// warning-coloured cross, since they are shown but left out of growth. A day with no reported
// neighbour has no line to sit on, so it gets a filled dot (a single snapshot stays visible).
function PointMarker({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return null;
  if (payload.suspectReason) {
    return (
      <g data-testid="suspect-point" stroke="var(--warning, #d97706)" strokeWidth={2}>
        <line x1={cx - 4} y1={cy - 4} x2={cx + 4} y2={cy + 4} />
        <line x1={cx - 4} y1={cy + 4} x2={cx + 4} y2={cy - 4} />
      </g>
    );
  }
  if (payload.approximate) return <circle cx={cx} cy={cy} r={4} fill="var(--background)" stroke="var(--chart-1, currentColor)" strokeWidth={2} />;
  if (payload.isolated) return <circle data-testid="isolated-point" cx={cx} cy={cy} r={4} fill="var(--chart-1, currentColor)" />;
  return null;
}

function withNeighbours(points: MetricPoint[]): ChartPoint[] {
  return points.map((point, index) => ({
    ...point,
    isolated: (points[index - 1]?.value ?? null) === null && (points[index + 1]?.value ?? null) === null,
  }));
}

/** One figure per day, and its day-over-day gains; days with no snapshot, or no reported figure, stay gaps rather than zeros. */
export function MetricChart({ points, label }: { points: MetricPoint[]; label: string }) {
  const data = withNeighbours(points);
  const reported = points.filter((point) => point.value !== null).length;
  const suspect = points.filter((point) => point.suspectReason !== null).length;
  const valueAxis = countTicks(points.map((point) => point.value));
  const gains = points.filter((point) => point.gain !== null).length;
  return (
    <figure className="space-y-4" aria-label={`${label} history`}>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="date" tickLine={false} minTickGap={32} fontSize={12} />
            <YAxis
              tickLine={false}
              width={64}
              fontSize={12}
              ticks={valueAxis?.ticks}
              domain={valueAxis ? [valueAxis.ticks[0] ?? "auto", valueAxis.ticks.at(-1) ?? "auto"] : ["auto", "auto"]}
              tickFormatter={(value: number) => valueAxis?.label(value) ?? formatCount(value)}
            />
            <Tooltip
              formatter={(_value, _name, item) => {
                const point = item.payload as ChartPoint;
                if (point.value === null) return ["not reported", label];
                const figure = formatCount(point.value, point.approximate);
                return [point.suspectReason ? `${figure} (suspect: ${suspectReasonLabel(point.suspectReason)})` : figure, label];
              }}
            />
            <Line
              type="monotone"
              dataKey="value"
              name={label}
              stroke="var(--chart-1, currentColor)"
              strokeWidth={2}
              connectNulls={false}
              dot={({ cx, cy, payload }: DotProps) => <PointMarker key={payload?.date} cx={cx} cy={cy} payload={payload} />}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {gains > 0 ? (
        <div className="h-32 w-full" aria-label={`${label} gained per day`} data-testid="gain-bars">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-border" vertical={false} />
              <XAxis dataKey="date" tickLine={false} minTickGap={32} fontSize={12} />
              <YAxis tickLine={false} width={64} fontSize={12} allowDecimals={false} tickFormatter={(value: number) => formatChange(value)} />
              <Tooltip formatter={(_value, _name, item) => {
                const gain = (item.payload as ChartPoint).gain;
                return [gain === null ? "no comparison (a gap or a suspect day)" : formatChange(gain), "Gained that day"];
              }} />
              <Bar dataKey="gain" name="Gained that day" isAnimationActive={false}>
                {data.map((point) => (
                  <Cell key={point.date} fill={(point.gain ?? 0) < 0 ? LOSS : GAIN} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <figcaption className="text-xs text-muted-foreground">
        {reported} of {points.length} days reported. Gaps are days without a figure; hollow points are rounded figures shown by the platform.
        Bars are the change from the day before, left out where either day is missing or suspect.
        {suspect > 0 ? ` ${suspect} suspect ${suspect === 1 ? "day is" : "days are"} marked ×: shown, but left out of growth figures.` : ""}
      </figcaption>
    </figure>
  );
}
