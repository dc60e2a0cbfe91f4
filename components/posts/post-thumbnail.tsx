import { Film } from "lucide-react";
import { cn } from "@/lib/utils";
import { slideUrl } from "./post-format";

/** A post's first slide, or a marked blank where none is stored (videos, and posts not scraped yet). */
export function PostThumbnail({ slug, post, className, testId }: {
  slug: string;
  post: { id: string; postId: string; hasThumbnail: boolean };
  className: string;
  testId?: string;
}) {
  if (post.hasThumbnail) {
    // eslint-disable-next-line @next/next/no-img-element -- a private, signed or streamed image: not for next/image's optimizer
    return <img src={slideUrl(slug, post.id, 0)} alt={`First slide of post ${post.postId}`} loading="lazy" className={cn(className, "rounded object-cover")} data-testid={testId} />;
  }
  return (
    <span className={cn(className, "flex items-center justify-center rounded bg-muted text-muted-foreground")} title="No slides stored: a video, or not scraped yet">
      <Film className="size-4" aria-hidden />
      <span className="sr-only">No slides stored</span>
    </span>
  );
}
