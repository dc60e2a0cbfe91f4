import { Badge } from "@/components/ui/badge";
import type { DataQuality } from "@/lib/services/accounts/score-data-quality";
import { cn } from "@/lib/utils";

const pct = (value: number) => `${Math.round(value * 100)}%`;

function summary(quality: DataQuality): string {
  return [
    `History ${quality.reportedDays}/${quality.expectedDays} days`,
    `latest ${quality.ageDays === 0 ? "today" : `${quality.ageDays} d old`}`,
    `${quality.approximateDays} rounded`,
    `${quality.suspectDays} suspect`,
  ].join(" · ");
}

/** The score on the grid, its parts in the tooltip (docs/data-quality.md#the-score). */
export function QualityBadge({ quality }: { quality: DataQuality | null }) {
  if (!quality) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge
      variant="outline"
      data-testid="quality-score"
      title={summary(quality)}
      className={cn(
        "tabular-nums",
        quality.band === "good" && "border-emerald-600/40 text-emerald-700 dark:text-emerald-400",
        quality.band === "fair" && "border-amber-600/40 text-amber-700 dark:text-amber-400",
        quality.band === "poor" && "border-red-600/40 text-red-700 dark:text-red-400",
      )}
    >
      {quality.score}
    </Badge>
  );
}

/** The score and each of its parts, for the account page. */
export function QualityDetails({ quality }: { quality: DataQuality | null }) {
  if (!quality) return <p className="text-sm text-muted-foreground">No snapshot yet: nothing to score.</p>;
  const parts = [
    { label: "Score", value: <QualityBadge quality={quality} /> },
    { label: "Complete history (40%)", value: `${pct(quality.completeness)} · ${quality.reportedDays} of ${quality.expectedDays} days` },
    { label: "Freshness (30%)", value: `${pct(quality.freshness)} · latest ${quality.ageDays === 0 ? "today" : `${quality.ageDays} d ago`}` },
    { label: "Exact figures (15%)", value: `${pct(quality.exactness)} · ${quality.approximateDays} rounded` },
    { label: "No suspects (15%)", value: `${pct(quality.suspects)} · ${quality.suspectDays} suspect` },
  ];
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-5" data-testid="account-quality">
      {parts.map((part) => (
        <div key={part.label}>
          <dt className="text-muted-foreground">{part.label}</dt>
          <dd className="tabular-nums">{part.value}</dd>
        </div>
      ))}
    </dl>
  );
}
