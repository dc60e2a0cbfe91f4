/** Columns Reach reads (url … status) and may write back (status and views … error). */
export const SHEET_FIELDS = ["url", "creator", "set", "va", "type", "status", "views", "likes", "comments", "shares", "saves", "slides", "lastScraped", "error"] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

export const WRITE_BACK_FIELDS = ["views", "likes", "comments", "shares", "saves", "slides", "lastScraped", "error"] as const satisfies readonly SheetField[];
export type WriteBackField = (typeof WRITE_BACK_FIELDS)[number];

/** Header names each field is recognised by, best first. */
export const FIELD_SYNONYMS: Record<SheetField, readonly string[]> = {
  url: ["TikTok URL", "Post URL", "Video URL", "URL", "Link"],
  creator: ["Creator"],
  set: ["Set", "Set ID"],
  va: ["VA", "Assistant", "Posted by"],
  type: ["Type", "Post type", "Format"],
  status: ["Status"],
  views: ["Views"],
  likes: ["Likes"],
  comments: ["Comments"],
  shares: ["Shares"],
  saves: ["Saves"],
  slides: ["Slides"],
  lastScraped: ["Last scraped"],
  error: ["Error", "Notes", "Reason"],
};

export const FIELD_LABELS: Record<SheetField, string> = {
  url: "Post URL",
  creator: "Creator",
  set: "Set",
  va: "VA",
  type: "Type",
  status: "Status",
  views: "Views",
  likes: "Likes",
  comments: "Comments",
  shares: "Shares",
  saves: "Saves",
  slides: "Slides",
  lastScraped: "Last scraped",
  error: "Error",
};

export const DEFAULT_STATUS_VALUES = { ready: "Ready to Scrape", done: "Scraped", failed: "Failed" } as const;
