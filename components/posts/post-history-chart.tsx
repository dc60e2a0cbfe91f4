"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { calendarDays } from "@/lib/domain/calendar";
import { formatCount } from "@/lib/format";

export interface HistoryPoint {
  date: string;
  views: number | null;
  likes: number | null;
}

// Okabe–Ito blue and orange: distinct for colour-blind readers, in light and dark mode.
const VIEWS = "#0072B2";
const LIKES = "#E69F00";
const compact = (value: number) => formatCount(value, true).replace("≈", "");

/** Every calendar day from the first stats day to the last; a day without a scrape is a gap, never a zero. */
export function dailySeries(points: HistoryPoint[]): HistoryPoint[] {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return [];
  const byDate = new Map(points.map((point) => [point.date, point]));
  return calendarDays(first.date, last.date).map((date) => byDate.get(date) ?? { date, views: null, likes: null });
}

/** Views and likes per day from tiktok_post_stats, each on its own axis. */
export function PostHistoryChart({ points }: { points: HistoryPoint[] }) {
  const series = dailySeries(points);
  const single = series.length === 1;
  return (
    <figure className="space-y-2" aria-label="Daily views and likes">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="date" tickLine={false} minTickGap={32} fontSize={12} />
            <YAxis yAxisId="views" tickLine={false} width={56} fontSize={12} tickFormatter={compact} allowDecimals={false} />
            <YAxis yAxisId="likes" orientation="right" tickLine={false} width={48} fontSize={12} tickFormatter={compact} allowDecimals={false} />
            <Tooltip formatter={(value, name) => [value === null || value === undefined ? "not reported" : formatCount(Number(value)), name]} />
            <Legend />
            <Line yAxisId="views" type="monotone" dataKey="views" name="Views" stroke={VIEWS} strokeWidth={2} dot={single} connectNulls={false} isAnimationActive={false} />
            <Line yAxisId="likes" type="monotone" dataKey="likes" name="Likes" stroke={LIKES} strokeWidth={2} strokeDasharray="5 3" dot={single} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-muted-foreground">
        {points.length} of {series.length} days scraped. Gaps are days without a scrape.
      </figcaption>
    </figure>
  );
}
