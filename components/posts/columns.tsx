"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import type { KitColumnDef, KitFeatures } from "@/components/tables/core/features";
import { Badge } from "@/components/ui/badge";
import { formatChange, formatCount } from "@/lib/format";
import type { PostExplorerRow } from "@/lib/services/posts/search-posts";
import { formatRate, postedDay, postTypeLabel } from "./post-format";
import { PostThumbnail } from "./post-thumbnail";

const helper = createColumnHelper<KitFeatures, PostExplorerRow>();
const count = (value: number | null) => <span title={value === null ? "Not reported" : undefined}>{formatCount(value)}</span>;
const gain = (value: number | null) => <span className={value && value > 0 ? "text-emerald-700 dark:text-emerald-400" : undefined}>{formatChange(value)}</span>;

/** The posts explorer's columns; ids match the API's sort keys where a column sorts. */
export function postColumns(slug: string): KitColumnDef<PostExplorerRow>[] {
  return [
    helper.display({
      id: "thumbnail",
      header: () => <span className="sr-only">First slide</span>,
      enableHiding: false,
      meta: { label: "First slide", width: 64, mobileWidth: 60, priority: true },
      cell: ({ row: { original: post } }) => <PostThumbnail slug={slug} post={post} className="size-12" testId="post-thumbnail" />,
    }),
    helper.display({
      id: "post",
      header: "Post",
      enableHiding: false,
      meta: { label: "Post", width: 220, grow: true, priority: true },
      cell: ({ row: { original: post } }) => (
        <div className="min-w-0">
          <div className="flex items-center gap-1">
            <Link href={`/${slug}/posts/${post.id}`} className="truncate font-medium underline-offset-4 hover:underline">
              {post.postId}
            </Link>
            <a href={post.url} target="_blank" rel="noreferrer noopener" aria-label={`Open post ${post.postId} on TikTok`} className="text-muted-foreground hover:text-foreground">
              <ExternalLink className="size-3.5" aria-hidden />
            </a>
          </div>
          <div className="truncate text-xs text-muted-foreground">
            {postTypeLabel(post)} · {postedDay(post.postedAt)}
            <span className="md:hidden"> · {formatCount(post.views)} views</span>
          </div>
        </div>
      ),
    }),
    helper.accessor("creator", { header: "Creator", enableSorting: false, meta: { label: "Creator", width: 130 }, cell: (info) => <span className="truncate">{info.getValue() ?? "—"}</span> }),
    helper.accessor("va", { header: "VA", enableSorting: false, meta: { label: "VA", width: 90 }, cell: (info) => <span className="truncate">{info.getValue() ?? "—"}</span> }),
    helper.accessor("setId", { header: "Set", enableSorting: false, meta: { label: "Set", width: 100 }, cell: (info) => <span className="truncate">{info.getValue() ?? "—"}</span> }),
    helper.accessor("type", { header: "Type", enableSorting: false, meta: { label: "Type", width: 90 }, cell: (info) => (info.getValue() === "slideshow" ? "Slideshow" : info.getValue() === "video" ? "Video" : "—") }),
    helper.accessor("postedAt", { id: "posted", header: "Posted", meta: { label: "Posted", width: 105 }, cell: (info) => postedDay(info.getValue()) }),
    helper.accessor("views", { header: "Views", meta: { label: "Views", width: 100, align: "right" }, cell: (info) => count(info.getValue()) }),
    helper.accessor("likes", { header: "Likes", meta: { label: "Likes", width: 90, align: "right" }, cell: (info) => count(info.getValue()) }),
    helper.accessor("comments", { header: "Comments", meta: { label: "Comments", width: 100, align: "right" }, cell: (info) => count(info.getValue()) }),
    helper.accessor("shares", { header: "Shares", meta: { label: "Shares", width: 90, align: "right" }, cell: (info) => count(info.getValue()) }),
    helper.accessor("saves", { header: "Saves", meta: { label: "Saves", width: 90, align: "right" }, cell: (info) => count(info.getValue()) }),
    helper.accessor("engagementRate", { id: "engagement", header: "Eng. rate", meta: { label: "Engagement rate", width: 95, align: "right" }, cell: (info) => formatRate(info.getValue()) }),
    helper.accessor("viewsGained24h", { id: "gained24h", header: "+24 h", meta: { label: "Views gained 24 h", width: 90, align: "right" }, cell: (info) => gain(info.getValue()) }),
    helper.accessor("viewsGained7d", { id: "gained7d", header: "+7 d", meta: { label: "Views gained 7 d", width: 95, align: "right" }, cell: (info) => gain(info.getValue()) }),
    helper.accessor("slideCount", { id: "slides", header: "Slides", meta: { label: "Slides", width: 75, align: "right" }, cell: (info) => info.getValue() ?? "—" }),
    helper.accessor("status", {
      header: "Status",
      enableSorting: false,
      meta: { label: "Status", width: 170, mobileWidth: 104, priority: true },
      cell: ({ row: { original: post } }) => (
        <div className="min-w-0">
          <Badge variant={post.status === "failed" ? "destructive" : post.status === "scraped" ? "secondary" : "outline"} title={post.lastErrorCode ?? undefined}>
            {post.status}
          </Badge>
          {post.status === "failed" && post.lastError ? (
            <div className="truncate text-xs text-muted-foreground" title={post.lastError}>
              {post.lastError}
            </div>
          ) : null}
          {post.consecutiveFailures > 1 ? (
            <div className="text-xs text-destructive" data-testid="post-keeps-failing">
              failed {post.consecutiveFailures} times in a row
            </div>
          ) : null}
        </div>
      ),
    }),
  ];
}
