"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";
import type { Overview } from "@/lib/services/overview/get-overview";

type Point = Overview["followers"]["daily"][number];

// Okabe–Ito blue: distinct for colour-blind readers, in light and dark mode.
const LINE = "#0072B2";

function Marker({ cx, cy, payload }: { cx?: number; cy?: number; payload?: Point }) {
  if (cx === undefined || cy === undefined || !payload || payload.followers === null || !payload.approximate) return null;
  return <circle cx={cx} cy={cy} r={3} fill="var(--background)" stroke={LINE} strokeWidth={2} />;
}

/** Total followers per day over the workspace's active accounts; a day with no fresh reading is a gap. */
export function FollowersTotalChart({ points }: { points: Point[] }) {
  const reported = points.filter((point) => point.followers !== null).length;
  return (
    <figure className="space-y-2" aria-label="Total followers, last 30 days">
      <div className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="date" tickLine={false} minTickGap={32} fontSize={12} />
            <YAxis tickLine={false} width={56} fontSize={12} tickFormatter={(value: number) => formatCount(value, true).replace("≈", "")} domain={["auto", "auto"]} allowDecimals={false} />
            <Tooltip
              formatter={(_value, _name, item) => {
                const point = item.payload as Point;
                if (point.followers === null) return ["not reported", "Followers"];
                return [`${point.approximate ? "≈" : ""}${formatCount(point.followers)} (${point.accounts} accounts)`, "Followers"];
              }}
            />
            <Line type="monotone" dataKey="followers" name="Followers" stroke={LINE} strokeWidth={2} connectNulls={false} dot={(props: { cx?: number; cy?: number; payload?: Point }) => <Marker key={props.payload?.date} {...props} />} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-muted-foreground">
        {reported} of {points.length} days have a total. Gaps are days with no reading in the two days before; hollow points include rounded figures.
      </figcaption>
    </figure>
  );
}
