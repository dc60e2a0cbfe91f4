"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_PALETTE } from "@/lib/domain/trends";
import { formatCount } from "@/lib/format";
import type { PostTrends } from "@/lib/services/posts/get-post-trends";

const compact = (value: number) => formatCount(value, true).replace("≈", "");
const exact = (value: unknown) => (value === null || value === undefined ? "not reported" : formatCount(Number(value)));
// Recharts' tooltip is white by default; these follow the theme, so it reads in dark mode too.
const tooltipStyle = { contentStyle: { background: "var(--popover)", color: "var(--popover-foreground)", border: "1px solid var(--border)", borderRadius: 8 }, labelStyle: { color: "var(--popover-foreground)" } };
const axis = { tickLine: false, fontSize: 12, stroke: "var(--muted-foreground)" } as const;

function ChartFigure({ title, caption, children }: { title: string; caption: string; children: ReactNode }) {
  return (
    <figure className="space-y-2 rounded-xl border p-4" aria-label={title}>
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-muted-foreground">{caption}</figcaption>
    </figure>
  );
}

const seriesName = (series: PostTrends["gained"][number]) => (series.other ? "Other" : (series.key ?? "(none)"));

/** Views gained per day, one stacked bar per day and a colour per group; a day nothing was scraped is empty, not 0. */
export function GainedChart({ trends, groupLabel }: { trends: PostTrends; groupLabel: string }) {
  const rows = trends.days.map((date, n) => Object.fromEntries([["date", date], ...trends.gained.map((series, s) => [`s${s}`, series.daily[n] ?? null])]));
  const missing = trends.days.filter((_, n) => trends.gained.every((series) => series.daily[n] === null)).length;
  return (
    <ChartFigure
      title={`Views gained per day by ${groupLabel}`}
      caption={`${trends.gained.length === 0 ? "No views gained in this period." : `${missing} of ${trends.days.length} days had no scrape and are left empty.`} A day's gain is its views less the post's previous reading within a week.`}
    >
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-border" vertical={false} />
        <XAxis dataKey="date" {...axis} minTickGap={24} />
        <YAxis {...axis} width={56} tickFormatter={compact} allowDecimals={false} />
        <Tooltip {...tooltipStyle} formatter={(value, name) => [exact(value), name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {trends.gained.map((series, s) => (
          <Bar key={`s${s}`} dataKey={`s${s}`} name={seriesName(series)} stackId="gained" fill={series.other ? CHART_PALETTE[7] : CHART_PALETTE[s % 7]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** Posts posted per day by the scraped type. */
export function PublishedChart({ trends }: { trends: PostTrends }) {
  const total = trends.published.reduce((sum, day) => sum + day.slideshows + day.videos + day.unknown, 0);
  return (
    <ChartFigure title="Posts published per day" caption={`${formatCount(total)} posts posted in the period, by the type TikTok reports; "not scraped yet" have no type.`}>
      <BarChart data={trends.published} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-border" vertical={false} />
        <XAxis dataKey="date" {...axis} minTickGap={24} />
        <YAxis {...axis} width={40} allowDecimals={false} />
        <Tooltip {...tooltipStyle} formatter={(value, name) => [exact(value), name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="slideshows" name="Slideshows" stackId="posts" fill={CHART_PALETTE[0]} isAnimationActive={false} />
        <Bar dataKey="videos" name="Videos" stackId="posts" fill={CHART_PALETTE[1]} isAnimationActive={false} />
        <Bar dataKey="unknown" name="Not scraped yet" stackId="posts" fill={CHART_PALETTE[7]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Median views of the period's slideshows by slide count; a bucket with no reported views has no bar. */
export function SlideCountChart({ trends }: { trends: PostTrends }) {
  return (
    <ChartFigure title="Median views by slide count" caption="Slideshows posted in the period, grouped by their number of slides; the median counts those that report views.">
      <BarChart data={trends.bySlideCount} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-border" vertical={false} />
        <XAxis dataKey="bucket" {...axis} />
        <YAxis {...axis} width={56} tickFormatter={compact} allowDecimals={false} />
        <Tooltip
          {...tooltipStyle}
          formatter={(value, _name, item) => [`${exact(value)} (${formatCount((item.payload as PostTrends["bySlideCount"][number]).posts)} slideshows)`, "Median views"]}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="medianViews" name="Median views" fill={CHART_PALETTE[2]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
