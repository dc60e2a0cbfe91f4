import { suspectReasonLabel } from "@/lib/domain/suspect-reasons";
import { formatCount } from "@/lib/format";
import type { SourceDisagreement } from "@/lib/services/accounts/list-source-disagreements";

const SOURCE_LABELS: Record<string, string> = { api: "API", html: "page", browser: "browser" };
const sourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;

function describe(day: SourceDisagreement): string {
  if (day.reason === "sources_disagree") {
    const readings = day.readings.map((reading) => `${sourceLabel(reading.source)} ${formatCount(reading.followers, reading.approximate)}`).join(" vs ");
    return `${readings}; kept the ${sourceLabel(day.source)}'s figure`;
  }
  const before = day.previous ? `${sourceLabel(day.previous.source)} ${formatCount(day.previous.followers)} the day before` : "the day before";
  return `${sourceLabel(day.source)} ${formatCount(day.followers)} after ${before}`;
}

/** The days the data-quality card flags because two sources disagreed (docs/data-quality.md#two-sources). */
export function SourceDisagreements({ days }: { days: SourceDisagreement[] }) {
  if (days.length === 0) return null;
  return (
    <div className="mt-4 text-sm" data-testid="source-disagreements">
      <p className="font-medium">Sources disagreed</p>
      <ul className="mt-1 space-y-1">
        {days.map((day) => (
          <li key={day.date}>
            <span className="tabular-nums">{day.date}</span>: {suspectReasonLabel(day.reason)}. <span className="text-muted-foreground tabular-nums">{describe(day)}.</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
