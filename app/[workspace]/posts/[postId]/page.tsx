import { Download, ExternalLink, FileSpreadsheet } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ExportLinks } from "@/components/layout/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { PostHistoryChart } from "@/components/posts/post-history-chart";
import { formatRate, postedDay, postTypeLabel } from "@/components/posts/post-format";
import { SlideLightbox } from "@/components/posts/slide-lightbox";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { formatChange, formatCount } from "@/lib/format";
import { getPostDetail, type PostDetail } from "@/lib/services/posts/get-post-detail";

export const metadata: Metadata = { title: "Post" };

function Metric({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card className="gap-1 py-3">
      <CardContent className="px-4">
        <div className="text-xs text-muted-foreground">{label}</div>
        <div className="text-xl font-semibold tabular-nums" title={hint}>
          {value}
        </div>
      </CardContent>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[9rem_1fr] sm:gap-3">
      <dt className="text-xs text-muted-foreground sm:text-sm">{label}</dt>
      <dd className="min-w-0 break-words text-sm">{children}</dd>
    </div>
  );
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

async function load(slug: string, postId: string): Promise<{ detail: PostDetail; slug: string }> {
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!z.uuid().safeParse(postId).success) notFound();
  try {
    const scope = { workspaceId: workspace.id, workspaceSlug: workspace.slug, timezone: workspace.timezone, now: new Date() };
    return { detail: await withUserDb(claims, (tx) => getPostDetail(tx, { scope, postId })), slug: workspace.slug };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function PostPage({ params }: { params: Promise<{ workspace: string; postId: string }> }) {
  const { workspace, postId } = await params;
  const { detail, slug } = await load(workspace, postId);
  const { post, slides, stats, sheet, runs } = detail;
  const stored = slides.filter((slide) => slide.stored).length;
  const zipBytes = slides.reduce((sum, slide) => sum + (slide.bytes ?? 0), 0);
  return (
    <div className="space-y-6">
      <PageHeader
        title={<span className="break-all">Post {post.postId}</span>}
        description={[post.creator ? `@${post.creator}` : null, post.va ? `VA ${post.va}` : null, post.setId, postTypeLabel(post), `posted ${postedDay(post.postedAt)}`].filter(Boolean).join(" · ")}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href={`/${slug}/posts`}>All posts</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={post.url} target="_blank" rel="noreferrer noopener">
                <ExternalLink aria-hidden /> TikTok
              </a>
            </Button>
            {stored > 0 ? (
              <Button asChild size="sm">
                <a href={`/api/v1/workspaces/${slug}/posts/${post.id}/slides.zip`} download data-testid="download-slides">
                  <Download aria-hidden /> Download all slides ({stored}, {formatCount(Math.round(zipBytes / 1024))} KB)
                </a>
              </Button>
            ) : null}
          </>
        }
      />

      <section aria-label="Metrics" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
        <Metric label="Views" value={formatCount(post.views)} />
        <Metric label="Likes" value={formatCount(post.likes)} />
        <Metric label="Comments" value={formatCount(post.comments)} />
        <Metric label="Shares" value={formatCount(post.shares)} />
        <Metric label="Saves" value={formatCount(post.saves)} />
        <Metric label="Engagement rate" value={formatRate(post.engagementRate)} hint="(likes + comments + shares + saves) / views" />
        <Metric label="Views gained 24 h" value={formatChange(post.viewsGained24h)} hint="Latest scrape against the day before" />
        <Metric label="Views gained 7 d" value={formatChange(post.viewsGained7d)} hint="Latest scrape against seven days before" />
      </section>

      {slides.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Slides</CardTitle>
            <CardDescription>
              {stored} of {slides.length} stored. Open one to step through them with ← and →.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SlideLightbox postId={post.postId} slides={slides.map((slide) => ({ index: slide.index, url: slide.url }))} />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Daily views and likes</CardTitle>
          <CardDescription>One point per day the pipeline scraped this post (tiktok_post_stats).</CardDescription>
          {stats.length > 0 ? (
            <CardAction>
              <ExportLinks href={`/api/v1/workspaces/${slug}/posts/${post.id}/export`} search={new URLSearchParams()} testId="export-post-history" />
            </CardAction>
          ) : null}
        </CardHeader>
        <CardContent>{stats.length > 0 ? <PostHistoryChart points={stats} /> : <p className="text-sm text-muted-foreground">No scrape has recorded figures yet.</p>}</CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="space-y-2">
              <Field label="Caption">{post.caption ?? "—"}</Field>
              <Field label="Hashtags">{post.hashtags.length ? post.hashtags.map((tag) => `#${tag}`).join(" ") : "—"}</Field>
              {post.mentions.length ? <Field label="Mentions">{post.mentions.map((name) => `@${name}`).join(" ")}</Field> : null}
              <Field label="Music">{post.music.title ? `${post.music.title}${post.music.author ? ` — ${post.music.author}` : ""}` : "—"}</Field>
              <Field label="Author">
                {post.author.uniqueId ? `@${post.author.uniqueId}${post.author.nickname ? ` (${post.author.nickname})` : ""}` : "—"}
                {post.author.followers !== null ? ` · ${formatCount(post.author.followers)} followers` : ""}
              </Field>
              {post.durationSeconds !== null ? <Field label="Duration">{post.durationSeconds} s</Field> : null}
              <Field label="Posted">{when(post.postedAt)}</Field>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Source and scrapes</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <dl className="space-y-2">
              <Field label="Sheet">
                {sheet ? (
                  <span className="inline-flex flex-wrap items-center gap-1">
                    {sheet.name ?? sheet.spreadsheetId} · {sheet.tab}
                    {sheet.row !== null ? ` · row ${sheet.row}` : ""}
                    {sheet.url ? (
                      <a href={sheet.url} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 underline underline-offset-4" data-testid="sheet-row-link">
                        <FileSpreadsheet className="size-3.5" aria-hidden /> Open at this row
                      </a>
                    ) : null}
                  </span>
                ) : (
                  "Not from a connected sheet (added by the demo or the CLI)."
                )}
              </Field>
              <Field label="Status">
                <Badge variant={post.status === "failed" ? "destructive" : post.status === "scraped" ? "secondary" : "outline"}>{post.status}</Badge>
                {post.consecutiveFailures > 1 ? <span className="ml-2 text-xs text-destructive">failed {post.consecutiveFailures} times in a row</span> : null}
              </Field>
              {post.lastError ? (
                <Field label="Last error">
                  {post.lastError}
                  <span className="block text-xs text-muted-foreground">
                    {post.lastErrorCode ?? ""} {post.lastErrorAt ? `· ${when(post.lastErrorAt)}` : ""}
                  </span>
                </Field>
              ) : null}
              <Field label="First scraped">{when(post.firstScrapedAt)}</Field>
              <Field label="Last scraped">{when(post.lastScrapedAt)}</Field>
              <Field label="Attempts">{post.attempts}</Field>
              <Field label="Days with stats">{stats.length}</Field>
            </dl>
            <div>
              <h3 className="mb-2 text-sm font-medium">Pipeline runs over its sheet</h3>
              {runs.length === 0 ? (
                <p className="text-sm text-muted-foreground">No run since this post was added.</p>
              ) : (
                <ul className="divide-y rounded-md border text-sm">
                  {runs.map((run) => (
                    <li key={run.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                      <span>{when(run.createdAt)}</span>
                      <span className="flex flex-wrap items-center gap-2">
                        <Badge variant={run.status === "failed" ? "destructive" : "outline"}>{run.status}</Badge>
                        {Object.entries(run.errors).map(([code, total]) => (
                          <span key={code} className="text-xs text-muted-foreground">
                            {code} × {total}
                          </span>
                        ))}
                        {run.error ? <span className="text-xs text-destructive">{run.error}</span> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
