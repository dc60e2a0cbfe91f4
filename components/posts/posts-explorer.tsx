"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Images, LayoutGrid, Table2 } from "lucide-react";
import { useCallback, useMemo } from "react";
import { apiV1, unwrap } from "@/components/api/typed-client";
import type { operations } from "@/components/api/v1-schema";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/tables/core/data-table";
import { useUrlParams, useUrlSort } from "@/components/tables/core/use-url-params";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { explorerSearch, POST_FILTER_PARAMS, POST_SORTS } from "@/lib/domain/posts-explorer";
import type { PostFilterOptions } from "@/lib/services/posts/list-post-filter-options";
import type { PostExplorerPage, PostExplorerRow } from "@/lib/services/posts/search-posts";
import { postColumns } from "./columns";
import { PostsFilters } from "./posts-filters";
import { PostsGallery } from "./posts-gallery";

const DEFAULT_SORT = { sort: "posted", dir: "desc" } as const;
const ROW_HEIGHT = 72;
// The URL's filters and sort, checked by the API itself (an unknown value is its 400).
type PostsQuery = NonNullable<operations["listPosts"]["parameters"]["query"]>;

interface PostsExplorerProps {
  slug: string;
  options: PostFilterOptions;
  /** The first page, rendered by the server for the URL it was asked for. */
  initial: { search: string; page: PostExplorerPage };
  hasPosts: boolean;
}

/** Every post, filtered and sorted through the URL, loaded by cursor as the table or gallery scrolls. */
export function PostsExplorer({ slug, options, initial, hasPosts }: PostsExplorerProps) {
  const [params, set] = useUrlParams();
  const search = explorerSearch(params);
  const { sort, dir, setSort } = useUrlSort(DEFAULT_SORT);
  const view = params.get("view") === "gallery" ? "gallery" : "table";
  const query = useInfiniteQuery({
    queryKey: ["posts", slug, search],
    queryFn: async ({ pageParam, signal }): Promise<PostExplorerPage> => {
      const query = Object.fromEntries(new URLSearchParams(search)) as PostsQuery;
      if (pageParam) query.cursor = pageParam;
      const { data, meta } = await unwrap(apiV1.GET("/workspaces/{workspace}/posts", { params: { path: { workspace: slug }, query }, signal }));
      return { data, nextCursor: meta.next_cursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: search === initial.search ? { pages: [initial.page], pageParams: [null] } : undefined,
    staleTime: 60_000,
  });
  const rows = useMemo<PostExplorerRow[]>(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const columns = useMemo(() => postColumns(slug), [slug]);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const filtered = POST_FILTER_PARAMS.some((key) => params.has(key));
  const known = (POST_SORTS as readonly string[]).includes(sort) ? sort : DEFAULT_SORT.sort;
  const sortState = useMemo(() => ({ id: known, desc: dir === "desc" }), [known, dir]);

  const empty = hasPosts ? (
    <EmptyState
      icon={Images}
      title="No posts match"
      description="Nothing matches these filters."
      action={
        filtered ? (
          <Button variant="outline" size="sm" onClick={() => set(Object.fromEntries(POST_FILTER_PARAMS.map((key) => [key, null])))}>
            Clear filters
          </Button>
        ) : undefined
      }
    />
  ) : (
    <EmptyState icon={Images} title="No posts yet" description="Posts appear here once a Google Sheet is connected and scraped." />
  );
  const shown = `${rows.length.toLocaleString("en-US")}${hasNextPage ? "+" : ""} posts`;

  return (
    <div className="space-y-3">
      <PostsFilters options={options} />
      {query.isError ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex items-center gap-1" role="group" aria-label="View">
        <Button variant={view === "table" ? "secondary" : "ghost"} size="sm" aria-pressed={view === "table"} onClick={() => set({ view: null })}>
          <Table2 aria-hidden /> Table
        </Button>
        <Button variant={view === "gallery" ? "secondary" : "ghost"} size="sm" aria-pressed={view === "gallery"} onClick={() => set({ view: "gallery" })}>
          <LayoutGrid aria-hidden /> Gallery
        </Button>
      </div>
      {view === "gallery" ? (
        <PostsGallery slug={slug} rows={rows} hasMore={hasNextPage} loadingMore={isFetchingNextPage} onEndReached={loadMore} loading={query.isPending} empty={empty} summary={shown} />
      ) : (
        <DataTable
          id="posts"
          label="TikTok posts"
          columns={columns}
          data={rows}
          getRowId={(row) => row.id}
          sort={sortState}
          onSortChange={(next) => setSort({ sort: next.id, dir: next.desc ? "desc" : "asc" })}
          rowHeight={ROW_HEIGHT}
          onEndReached={loadMore}
          hasMore={hasNextPage}
          loading={query.isPending}
          loadingMore={isFetchingNextPage}
          empty={empty}
          toolbar={shown}
        />
      )}
    </div>
  );
}
