import type { PostExplorerRow } from "@/lib/services/posts/search-posts";

/** "12.3%"; "—" when not reported. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(rate < 0.1 ? 2 : 1)}%`;
}

/** "Slideshow · 7 slides", "Video", or "Not scraped yet". */
export function postTypeLabel(row: Pick<PostExplorerRow, "type" | "slideCount" | "status">): string {
  if (row.type === "slideshow") return row.slideCount ? `Slideshow · ${row.slideCount} slides` : "Slideshow";
  if (row.type === "video") return "Video";
  return "Not scraped yet";
}

export function postedDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

export const slideUrl = (slug: string, postId: string, index: number) => `/api/v1/workspaces/${slug}/posts/${postId}/slides/${index}`;
