import type { Count } from "./counts";
import type { AccountMetrics, PostMetrics } from "./types";

const num = (count: Count | null) => count?.value ?? null;

/** The CLI's account contract: plain numbers, with the names of rounded metrics listed in `approximate`. */
export function accountOutput(metrics: AccountMetrics) {
  const counts = { followers: metrics.followers, following: metrics.following, posts: metrics.posts, likes: metrics.likes };
  return {
    platform: metrics.platform,
    handle: metrics.handle,
    displayName: metrics.displayName,
    followers: num(metrics.followers),
    following: num(metrics.following),
    posts: num(metrics.posts),
    likes: num(metrics.likes),
    verified: metrics.verified,
    private: metrics.private,
    approximate: Object.entries(counts).filter(([, count]) => count?.approximate).map(([name]) => name),
    source: metrics.source,
  };
}

export function postOutput(post: PostMetrics) {
  return {
    postId: post.postId,
    url: post.url,
    author: { id: post.author.id, uniqueId: post.author.uniqueId, nickname: post.author.nickname, followers: num(post.author.followers) },
    caption: post.caption,
    hashtags: post.hashtags,
    mentions: post.mentions,
    postedAt: post.postedAt?.toISOString() ?? null,
    duration: post.duration,
    music: post.music,
    views: num(post.views),
    likes: num(post.likes),
    comments: num(post.comments),
    shares: num(post.shares),
    saves: num(post.saves),
    isSlideshow: post.isSlideshow,
    slides: post.slides.map((slide) => ({ index: slide.index, urls: slide.urls, width: slide.width, height: slide.height, expiresAt: slide.expiresAt?.toISOString() ?? null })),
  };
}
