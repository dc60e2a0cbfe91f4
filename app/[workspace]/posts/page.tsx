import type { Metadata } from "next";
import { ExportLinks } from "@/components/layout/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { PostsExplorer } from "@/components/posts/posts-explorer";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { explorerSearch } from "@/lib/domain/posts-explorer";
import { listPostFilterOptions } from "@/lib/services/posts/list-post-filter-options";
import { searchPosts, searchPostsQuerySchema } from "@/lib/services/posts/search-posts";

export const metadata: Metadata = { title: "Posts" };

export default async function PostsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const url = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === "string") url.set(key, value);
  const search = explorerSearch(url);
  // A link may narrow the list (?va=Mia&status=failed); a param that does not parse is dropped, not an error page.
  const raw = Object.fromEntries(new URLSearchParams(search));
  const valid = Object.fromEntries(Object.entries(raw).filter(([key, value]) => searchPostsQuerySchema.shape[key as keyof typeof searchPostsQuerySchema.shape]?.safeParse(value).success));
  const query = searchPostsQuerySchema.parse(valid);
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() };
  const exportSearch = new URLSearchParams(Object.entries(valid).filter(([key]) => key !== "cursor" && key !== "limit"));
  const [page, options] = await withUserDb(claims, async (tx) => [await searchPosts(tx, { scope, query }), await listPostFilterOptions(tx, workspace.id)] as const);
  return (
    <div className="space-y-4">
      <PageHeader
        title="TikTok posts"
        description="Every post from the pipeline: filter, sort on any metric, and open one for its slides and history. Gains count views since the previous days' scrapes, in the workspace's timezone."
        actions={
          <ExportLinks href={`/api/v1/workspaces/${workspace.slug}/posts/export`} search={exportSearch} />
        }
      />
      <PostsExplorer slug={workspace.slug} options={options} hasPosts={options.hasPosts} initial={{ search: explorerSearch(new URLSearchParams(valid)), page }} />
    </div>
  );
}
