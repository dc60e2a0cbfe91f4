import type { Metadata } from "next";
import { Images } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { formatCount } from "@/lib/format";
import { listPosts, listPostsQuerySchema } from "@/lib/services/posts/list-posts";

export const metadata: Metadata = { title: "Posts" };

export default async function PostsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  // A link may narrow the list (?va=Mia, ?status=failed); a filter that does not parse is ignored, not an error page.
  const { va, status } = await searchParams;
  const filters = listPostsQuerySchema.pick({ va: true, status: true }).safeParse({ va, status });
  const query = listPostsQuerySchema.parse({ limit: 100, ...(filters.success ? filters.data : {}) });
  const posts = await withUserDb(claims, (tx) => listPosts(tx, workspace.id, query));
  return (
    <div className="space-y-4">
      <PageHeader title="TikTok posts" description="The most recent posts from the pipeline, newest first." />
      {posts.length === 0 ? (
        <EmptyState icon={Images} title="No posts yet" description="Posts appear here once a Google Sheet is connected and scraped." />
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>
                  <span className="sr-only">First slide</span>
                </TableHead>
                <TableHead>Post</TableHead>
                <TableHead>VA</TableHead>
                <TableHead className="hidden md:table-cell">Creator</TableHead>
                <TableHead className="hidden md:table-cell">Set</TableHead>
                <TableHead className="text-right">Views</TableHead>
                <TableHead className="hidden text-right sm:table-cell">Likes</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {posts.map((post) => (
                <TableRow key={post.id}>
                  <TableCell className="w-16">
                    {post.hasThumbnail ? (
                      // eslint-disable-next-line @next/next/no-img-element -- a private, signed or streamed image: not for next/image's optimizer
                      <img
                        src={`/api/v1/workspaces/${workspace.slug}/posts/${post.id}/slides/0`}
                        alt={`First slide of post ${post.postId}`}
                        loading="lazy"
                        className="size-12 rounded object-cover"
                        data-testid="post-thumbnail"
                      />
                    ) : (
                      <div className="size-12 rounded bg-muted" aria-hidden />
                    )}
                  </TableCell>
                  <TableCell>
                    <a href={post.url} target="_blank" rel="noreferrer noopener" className="font-medium underline-offset-4 hover:underline">
                      {post.postId}
                    </a>
                    <div className="text-xs text-muted-foreground">
                      {post.isSlideshow ? `Slideshow · ${post.slideCount ?? "?"} slides` : post.isSlideshow === false ? "Video" : "Not scraped yet"}
                      {post.postedAt ? ` · ${post.postedAt.toISOString().slice(0, 10)}` : ""}
                    </div>
                  </TableCell>
                  <TableCell>{post.va ?? "—"}</TableCell>
                  <TableCell className="hidden md:table-cell">{post.creator ?? "—"}</TableCell>
                  <TableCell className="hidden md:table-cell">{post.setId ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(post.views)}</TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">{formatCount(post.likes)}</TableCell>
                  <TableCell>
                    <Badge variant={post.status === "failed" ? "destructive" : post.status === "scraped" ? "secondary" : "outline"} title={post.lastErrorCode ?? undefined}>
                      {post.status}
                    </Badge>
                    {post.status === "failed" && post.lastError ? <div className="mt-1 text-xs text-muted-foreground">{post.lastError}</div> : null}
                    {post.consecutiveFailures > 1 ? (
                      <div className="text-xs text-destructive" data-testid="post-keeps-failing">
                        failed {post.consecutiveFailures} times in a row
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
