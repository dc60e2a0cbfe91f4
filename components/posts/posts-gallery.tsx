"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Eye, Heart } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { TableSkeleton } from "@/components/tables/core/table-states";
import { formatCount } from "@/lib/format";
import type { PostExplorerRow } from "@/lib/services/posts/search-posts";
import { formatRate, postTypeLabel, slideUrl } from "./post-format";

const CARD_MIN_WIDTH = 150;
const CARD_HEIGHT = 260;
const GAP = 12;

interface PostsGalleryProps {
  slug: string;
  rows: PostExplorerRow[];
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  onEndReached: () => void;
  empty: ReactNode;
  summary: string;
}

/** The same result as the table, as first slides with their metrics: a virtualized grid of rows of cards. */
export function PostsGallery({ slug, rows, hasMore, loading, loadingMore, onEndReached, empty, summary }: PostsGalleryProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [perRow, setPerRow] = useState(2);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      setPerRow(Math.max(1, Math.floor((width - 2 * GAP + GAP) / (CARD_MIN_WIDTH + GAP))));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const lines = Math.ceil(rows.length / perRow);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({ count: lines, getScrollElement: () => scrollRef.current, estimateSize: () => CARD_HEIGHT + GAP, overscan: 3 });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && last >= lines - 4) onEndReached();
  }, [hasMore, last, lines, loadingMore, onEndReached]);

  return (
    <div className="space-y-2">
      <p className="text-sm text-muted-foreground" data-testid="posts-summary">
        {summary}
      </p>
      <div ref={scrollRef} className="relative h-[70vh] min-h-80 overflow-auto rounded-md border p-3" data-testid="posts-gallery">
        {loading && rows.length === 0 ? (
          <TableSkeleton rowHeight={CARD_HEIGHT / 2} rows={4} />
        ) : rows.length === 0 ? (
          empty
        ) : (
          <ul className="relative" style={{ height: virtualizer.getTotalSize() }} aria-label="Posts gallery">
            {items.map((item) => (
              <li key={item.key} className="absolute left-0 top-0 grid w-full" style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: `repeat(${perRow}, minmax(0, 1fr))`, gap: GAP, height: CARD_HEIGHT }}>
                {rows.slice(item.index * perRow, item.index * perRow + perRow).map((post) => (
                  <Link key={post.id} href={`/${slug}/posts/${post.id}`} className="group relative overflow-hidden rounded-lg border bg-muted" data-testid="gallery-card">
                    {post.hasThumbnail ? (
                      // eslint-disable-next-line @next/next/no-img-element -- a private, signed or streamed image: not for next/image's optimizer
                      <img src={slideUrl(slug, post.id, 0)} alt={`First slide of post ${post.postId}`} loading="lazy" className="size-full object-cover transition-transform group-hover:scale-[1.02]" />
                    ) : (
                      <div className="flex size-full items-center justify-center p-2 text-center text-xs text-muted-foreground">{postTypeLabel(post)}</div>
                    )}
                    <div className="absolute inset-x-0 bottom-0 space-y-0.5 bg-gradient-to-t from-black/80 to-transparent p-2 pt-6 text-xs text-white">
                      <div className="truncate font-medium">{post.creator ?? post.postId}</div>
                      <div className="flex flex-wrap gap-x-2 tabular-nums">
                        <span className="inline-flex items-center gap-0.5">
                          <Eye className="size-3" aria-label="Views" /> {formatCount(post.views)}
                        </span>
                        <span className="inline-flex items-center gap-0.5">
                          <Heart className="size-3" aria-label="Likes" /> {formatCount(post.likes)}
                        </span>
                        <span title="Engagement rate">{formatRate(post.engagementRate)}</span>
                      </div>
                    </div>
                  </Link>
                ))}
              </li>
            ))}
          </ul>
        )}
        {loadingMore ? <p className="p-3 text-center text-xs text-muted-foreground">Loading more…</p> : null}
      </div>
    </div>
  );
}
