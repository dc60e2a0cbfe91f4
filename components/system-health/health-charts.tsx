"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HealthDay } from "@/lib/services/system-health/get-workspace-health";

// Colour-blind-safe pairs (Okabe–Ito): outcomes differ by hue and by position in the stack.
const OUTCOMES = [
  { key: "succeeded", label: "Succeeded", color: "#009E73" },
  { key: "partial", label: "Partial", color: "#E69F00" },
  { key: "failed", label: "Failed", color: "#D55E00" },
  { key: "cancelled", label: "Cancelled", color: "#999999" },
] as const;

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

/** Runs per local day by outcome, and batch durations (p50/p95) with the mean success rate. */
export function HealthCharts({ days }: { days: HealthDay[] }) {
  const durations = days.map((day) => ({ date: day.date, p50: seconds(day.batchP50Ms), p95: seconds(day.batchP95Ms), success: day.successRate === null ? null : Math.round(day.successRate * 1000) / 10 }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="space-y-2" aria-label="Runs per day by outcome" data-testid="runs-chart">
        <figcaption className="text-sm font-medium">Runs per day, by outcome</figcaption>
        <div className="h-56 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
              <XAxis dataKey="date" tickLine={false} fontSize={12} minTickGap={16} />
              <YAxis allowDecimals={false} tickLine={false} width={32} fontSize={12} />
              <Tooltip />
              <Legend />
              {OUTCOMES.map((outcome) => (
                <Bar key={outcome.key} dataKey={outcome.key} name={outcome.label} stackId="runs" fill={outcome.color} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="space-y-2" aria-label="Batch duration and success rate per day" data-testid="batches-chart">
        <figcaption className="text-sm font-medium">Scrape batches: duration (s) and items scraped (%)</figcaption>
        <div className="h-56 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={durations} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
              <XAxis dataKey="date" tickLine={false} fontSize={12} minTickGap={16} />
              <YAxis yAxisId="s" tickLine={false} width={40} fontSize={12} />
              <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} tickLine={false} width={36} fontSize={12} />
              <Tooltip />
              <Legend />
              <Line yAxisId="s" dataKey="p50" name="p50 (s)" stroke="#0072B2" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
              <Line yAxisId="s" dataKey="p95" name="p95 (s)" stroke="#56B4E9" strokeWidth={2} strokeDasharray="4 2" connectNulls={false} isAnimationActive={false} />
              <Line yAxisId="pct" dataKey="success" name="scraped (%)" stroke="#009E73" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
