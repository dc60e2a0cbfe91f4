"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { suspectReasonLabel } from "@/lib/domain/suspect-reasons";
import { formatCount } from "@/lib/format";
import type { FollowersPoint } from "@/lib/services/accounts/get-account";

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: FollowersPoint;
}

// Rounded figures ("1.2M") get a hollow marker so they never pass for exact counts; suspect ones a
// warning-coloured cross, since they are shown but left out of growth.
function PointMarker({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.followers === null) return null;
  if (payload.suspectReason) {
    return (
      <g data-testid="suspect-point" stroke="var(--warning, #d97706)" strokeWidth={2}>
        <line x1={cx - 4} y1={cy - 4} x2={cx + 4} y2={cy + 4} />
        <line x1={cx - 4} y1={cy + 4} x2={cx + 4} y2={cy - 4} />
      </g>
    );
  }
  if (!payload.approximate) return null;
  return <circle cx={cx} cy={cy} r={4} fill="var(--background)" stroke="var(--chart-1, currentColor)" strokeWidth={2} />;
}

/** Followers per day; days with no snapshot, or no reported figure, stay gaps rather than zeros. */
export function FollowersChart({ points }: { points: FollowersPoint[] }) {
  const reported = points.filter((point) => point.followers !== null).length;
  const suspect = points.filter((point) => point.suspectReason !== null).length;
  return (
    <figure className="space-y-2" aria-label="Followers history">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="date" tickLine={false} minTickGap={32} fontSize={12} />
            <YAxis tickLine={false} width={64} fontSize={12} tickFormatter={(value: number) => formatCount(value, true).replace("≈", "")} domain={["auto", "auto"]} />
            <Tooltip
              formatter={(_value, _name, item) => {
                const point = item.payload as FollowersPoint;
                if (point.followers === null) return ["not reported", "Followers"];
                const figure = formatCount(point.followers, point.approximate);
                return [point.suspectReason ? `${figure} (suspect: ${suspectReasonLabel(point.suspectReason)})` : figure, "Followers"];
              }}
            />
            <Line
              type="monotone"
              dataKey="followers"
              stroke="var(--chart-1, currentColor)"
              strokeWidth={2}
              connectNulls={false}
              dot={({ cx, cy, payload }: DotProps) => <PointMarker key={payload?.date} cx={cx} cy={cy} payload={payload} />}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-muted-foreground">
        {reported} of {points.length} days reported. Gaps are days without a figure; hollow points are rounded figures shown by the platform.
        {suspect > 0 ? ` ${suspect} suspect ${suspect === 1 ? "day is" : "days are"} marked ×: shown, but left out of growth figures.` : ""}
      </figcaption>
    </figure>
  );
}
