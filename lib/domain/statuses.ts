export const SNAPSHOT_SOURCES = ["api", "html", "browser"] as const;
export type SnapshotSource = (typeof SNAPSHOT_SOURCES)[number];

export const POST_STATUSES = ["pending", "scraping", "scraped", "failed", "skipped"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const RUN_TRIGGERS = ["cron", "manual", "event"] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export const HEALTH_STATUSES = ["unknown", "healthy", "failing"] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
