import type { Metadata } from "next";
import Link from "next/link";
import { CompareChart } from "@/components/accounts/compare-chart";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { addDays } from "@/lib/domain/calendar";
import { LEADERBOARD_PERIODS } from "@/lib/domain/leaderboards";
import { localDate } from "@/lib/domain/local-time";
import { COMPARE_LIMIT, compareAccounts } from "@/lib/services/accounts/compare-accounts";

export const metadata: Metadata = { title: "Compare accounts" };

type Search = Record<string, string | string[] | undefined>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function CompareAccountsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Search> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const search = await searchParams;
  const chosen = [...new Set([search.ids ?? []].flat().flatMap((value) => value.split(",")).filter((id) => UUID.test(id)))];
  const ids = chosen.slice(0, COMPARE_LIMIT);
  const days = LEADERBOARD_PERIODS.find((n) => String(n) === search.period) ?? 90;
  const indexed = search.mode === "indexed";
  const to = localDate(workspace.timezone, new Date());
  const from = addDays(to, 1 - days);
  const result = ids.length > 0 ? await withUserDb(claims, (tx) => compareAccounts(tx, { workspaceId: workspace.id, input: { accountIds: ids, from, to } })) : null;
  const link = (patch: Record<string, string>) => `?${new URLSearchParams({ ids: ids.join(","), period: String(days), mode: indexed ? "indexed" : "absolute", ...patch }).toString()}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Compare accounts"
        description={`Followers of up to ${COMPARE_LIMIT} accounts, ${from} to ${to} (${workspace.timezone}).${chosen.length > COMPARE_LIMIT ? ` Showing the first ${COMPARE_LIMIT} of the ${chosen.length} chosen.` : ""}`}
        actions={
          <Link className="text-sm underline underline-offset-4" href={`/${workspace.slug}/accounts`}>
            All accounts
          </Link>
        }
      />
      <div className="flex flex-wrap gap-2">
        <nav aria-label="Scale" className="flex gap-1">
          <Button asChild size="sm" variant={indexed ? "outline" : "secondary"}>
            <Link href={link({ mode: "absolute" })}>Absolute</Link>
          </Button>
          <Button asChild size="sm" variant={indexed ? "secondary" : "outline"}>
            <Link href={link({ mode: "indexed" })}>Indexed to 100</Link>
          </Button>
        </nav>
        <nav aria-label="Period" className="flex gap-1">
          {LEADERBOARD_PERIODS.map((n) => (
            <Button key={n} asChild size="sm" variant={n === days ? "secondary" : "outline"}>
              <Link href={link({ period: String(n) })}>{n} days</Link>
            </Button>
          ))}
        </nav>
      </div>
      {result && result.accounts.length > 0 ? (
        <CompareChart days={result.days} accounts={result.accounts} indexed={indexed} />
      ) : (
        <p className="text-sm text-muted-foreground">Choose up to {COMPARE_LIMIT} accounts on the Accounts page (the boxes beside their names), then Compare.</p>
      )}
    </div>
  );
}
