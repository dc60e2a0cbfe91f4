"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_PALETTE } from "@/lib/domain/trends";
import { formatCount } from "@/lib/format";
import type { ComparedAccount } from "@/lib/services/accounts/compare-accounts";

/**
 * Up to five accounts' followers on one chart: absolute, or each indexed to 100 at its first
 * reported day of the range. Days not reported are gaps; the tooltip gives the exact figure.
 */
export function CompareChart({ days, accounts, indexed }: { days: string[]; accounts: ComparedAccount[]; indexed: boolean }) {
  const bases = accounts.map((account) => account.followers.find((value) => value !== null && value > 0) ?? null);
  const rows = days.map((date, n) =>
    Object.fromEntries([
      ["date", date],
      ...accounts.map((account, a) => {
        const value = account.followers[n] ?? null;
        const base = bases[a] ?? null;
        return [`a${a}`, value === null ? null : indexed ? (base === null ? null : Math.round((value / base) * 1000) / 10) : value];
      }),
    ]),
  );
  const name = (account: ComparedAccount) => account.displayName ?? `@${account.handle}`;
  return (
    <figure className="space-y-2 rounded-xl border p-4" aria-label={indexed ? "Followers indexed to 100" : "Followers"}>
      <h2 className="text-base font-semibold">{indexed ? "Followers, indexed to 100 at each account's first day" : "Followers"}</h2>
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="date" tickLine={false} minTickGap={32} fontSize={12} stroke="var(--muted-foreground)" />
            <YAxis tickLine={false} width={56} fontSize={12} stroke="var(--muted-foreground)" domain={["auto", "auto"]} tickFormatter={(value: number) => (indexed ? String(value) : formatCount(value, true).replace("≈", ""))} />
            <Tooltip
              contentStyle={{ background: "var(--popover)", color: "var(--popover-foreground)", border: "1px solid var(--border)", borderRadius: 8 }}
              formatter={(value, label, item) => {
                if (value === null || value === undefined) return ["not reported", label];
                const a = Number(String(item.dataKey).slice(1));
                const n = days.indexOf(String((item.payload as { date: string }).date));
                const raw = accounts[a]?.followers[n] ?? null;
                const approx = accounts[a]?.approximate[n] ? "≈" : "";
                return [indexed ? `${value} (${approx}${formatCount(raw)})` : `${approx}${formatCount(Number(value))}`, label];
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {accounts.map((account, a) => (
              <Line key={account.id} type="monotone" dataKey={`a${a}`} name={name(account)} stroke={CHART_PALETTE[a]} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-muted-foreground">Gaps are days without a reported figure; suspect readings are left out; ≈ marks rounded figures.</figcaption>
    </figure>
  );
}
