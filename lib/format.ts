const exact = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** A metric for display: "—" when not reported, "≈1.2M" when the platform only showed a rounded figure. */
export function formatCount(value: number | null, approximate = false): string {
  if (value === null) return "—";
  return approximate ? `≈${compact.format(value)}` : exact.format(value);
}

export function formatChange(value: number | null): string {
  if (value === null) return "—";
  if (value === 0) return "0";
  return `${value > 0 ? "+" : "−"}${exact.format(Math.abs(value))}`;
}

/** Bytes for display: "4.7 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return "—";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${seconds % 60}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** A scrape's latency: milliseconds under a second, else seconds with one decimal. */
export function formatLatency(ms: number | null): string {
  if (ms === null || ms < 0) return "—";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export const PLATFORM_LABELS: Record<string, string> = {
  x: "X",
  instagram: "Instagram",
  facebook: "Facebook",
  linkedin: "LinkedIn",
  youtube: "YouTube",
  truth_social: "Truth Social",
  tiktok: "TikTok",
  bluesky: "Bluesky",
  threads: "Threads",
  mastodon: "Mastodon",
};

/**
 * How a tracked account's handle reads: "@name" where the platform says so; a Mastodon address, a
 * YouTube channel id or a legacy /c/ or /user/ path as it is, since "@UC…" is nobody's handle.
 */
export function formatHandle(platform: string, handle: string): string {
  if (platform === "mastodon") return handle;
  if (platform === "youtube" && /^UC[\w-]{22}$/.test(handle)) return `channel ${handle}`;
  if (platform === "youtube" && handle.includes("/")) return handle;
  return `@${handle}`;
}
