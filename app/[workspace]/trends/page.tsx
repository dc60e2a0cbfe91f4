import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { GainedChart, PublishedChart, SlideCountChart } from "@/components/trends/trends-charts";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { DEFAULT_LEADERBOARD_PERIOD, LEADERBOARD_GROUP_LABELS, LEADERBOARD_GROUPS, LEADERBOARD_PERIODS, type LeaderboardGroup } from "@/lib/domain/leaderboards";
import { periodEnding } from "@/lib/domain/calendar";
import { localDate } from "@/lib/domain/local-time";
import { formatCount } from "@/lib/format";
import { getPostTrends } from "@/lib/services/posts/get-post-trends";

export const metadata: Metadata = { title: "Trends" };

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function TrendsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Search> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const search = await searchParams;
  const by: LeaderboardGroup = LEADERBOARD_GROUPS.find((group) => group === one(search.by)) ?? "va";
  const days = LEADERBOARD_PERIODS.find((n) => String(n) === one(search.period)) ?? DEFAULT_LEADERBOARD_PERIOD;
  const { from, to } = periodEnding(localDate(workspace.timezone, new Date()), days);
  const trends = await withUserDb(claims, (tx) => getPostTrends(tx, { workspace, query: { by, from, to } }));
  const link = (patch: Record<string, string>) => `/${workspace.slug}/trends?${new URLSearchParams({ by, period: String(days), ...patch }).toString()}`;
  const types = [
    ["Slideshows", trends.slideshowVsVideo.slideshow, "slideshow"],
    ["Videos", trends.slideshowVsVideo.video, "video"],
  ] as const;
  return (
    <div className="space-y-4">
      <PageHeader title="Trends" description={`Posts and views day by day, ${from} to ${to} (${workspace.timezone}).`} />
      <div className="flex flex-wrap gap-2">
        <nav aria-label="Group by" className="flex flex-wrap gap-1">
          {LEADERBOARD_GROUPS.map((group) => (
            <Button key={group} asChild size="sm" variant={group === by ? "secondary" : "ghost"}>
              <Link href={link({ by: group })} aria-current={group === by ? "page" : undefined}>
                By {LEADERBOARD_GROUP_LABELS[group]}
              </Link>
            </Button>
          ))}
        </nav>
        <nav aria-label="Period" className="flex flex-wrap gap-1">
          {LEADERBOARD_PERIODS.map((n) => (
            <Button key={n} asChild size="sm" variant={n === days ? "secondary" : "outline"}>
              <Link href={link({ period: String(n) })} aria-current={n === days ? "page" : undefined}>
                {n} days
              </Link>
            </Button>
          ))}
        </nav>
      </div>
      <GainedChart trends={trends} groupLabel={LEADERBOARD_GROUP_LABELS[by]} />
      <div className="grid gap-4 lg:grid-cols-2">
        <PublishedChart trends={trends} />
        <SlideCountChart trends={trends} />
      </div>
      <section className="space-y-2 rounded-xl border p-4" aria-labelledby="slideshow-vs-video">
        <h2 id="slideshow-vs-video" className="text-base font-semibold">
          Slideshow vs video
        </h2>
        <Table aria-label="Slideshow vs video">
          <TableHeader>
            <TableRow>
              <TableHead>Type</TableHead>
              <TableHead className="text-right">Posts</TableHead>
              <TableHead className="hidden text-right sm:table-cell">Views</TableHead>
              <TableHead className="text-right">Median views</TableHead>
              <TableHead className="text-right">Views gained</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {types.map(([label, figures, type]) => (
              <TableRow key={type}>
                <TableCell>
                  <Link className="hover:underline" href={`/${workspace.slug}/posts?${new URLSearchParams({ type, from, to }).toString()}`}>
                    {label}
                  </Link>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(figures.posts)}</TableCell>
                <TableCell className="hidden text-right tabular-nums sm:table-cell">{formatCount(figures.views)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(figures.medianViews)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(figures.viewsGained)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <p className="text-xs text-muted-foreground">Posts, views and median: posted in the period. Views gained: by every post of the type, whenever posted, on days in the period.</p>
      </section>
    </div>
  );
}
