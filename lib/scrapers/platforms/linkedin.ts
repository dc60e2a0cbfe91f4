import { parseCount, type Count } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { isLoginUrl, metaContent, parseHtml, parseJson } from "../parse";
import type { AccountMetrics, MetricSource } from "../types";

const FOLLOWERS = /([\d.,]+\s?[KMB]?)\s+followers/i;

function read(html: string, handle: string, url: string, source: MetricSource): AccountMetrics | null {
  const dom = parseHtml(html);
  const subline = dom.querySelector(".top-card-layout__first-subline")?.textContent ?? "";
  const described = metaContent(dom, "og:description") ?? metaContent(dom, "description") ?? "";
  const raw = FOLLOWERS.exec(described)?.[1] ?? FOLLOWERS.exec(subline)?.[1];
  const followers: Count | null = raw ? parseCount(raw) : null;
  if (!followers) return null;
  const ld = dom.querySelector('script[type="application/ld+json"]')?.textContent;
  const organization = ld ? (parseJson(ld, "JSON-LD") as { name?: unknown }) : null;
  const title = dom.querySelector(".top-card-layout__title")?.textContent.trim();
  return {
    platform: "linkedin",
    handle,
    id: null,
    displayName: (typeof organization?.name === "string" ? organization.name : null) ?? title ?? null,
    followers,
    following: null,
    posts: null,
    likes: null,
    verified: null,
    private: null,
    source,
  };
}

/** The logged-out company page (meta description, JSON-LD, visible subline), then the browser. */
export async function scrapeLinkedinAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = handle.startsWith("in/") ? `https://www.linkedin.com/${handle}/` : `https://www.linkedin.com/company/${handle}/`;
  const response = await ctx.http.get({ bucket: "linkedin", url, passStatuses: [404] });
  if (isLoginUrl(response.url)) throw new ScrapeError("login_required", "LinkedIn redirected to its auth wall", { url });
  if (response.status === 404) throw new ScrapeError("not_found", `LinkedIn has no page ${handle}`, { status: 404, url });
  const metrics = read(response.text, handle, url, "html");
  if (metrics) return metrics;
  if (!ctx.config.browser.enabled) throw new ScrapeError("parse_error", "no follower count in the LinkedIn page", { path: 'meta[property="og:description"] | .top-card-layout__first-subline', url });
  const page = await ctx.browser.render(url, { waitFor: ".top-card-layout__first-subline" });
  if (isLoginUrl(page.url)) throw new ScrapeError("login_required", "LinkedIn redirected to its auth wall", { url });
  const rendered = read(page.html, handle, url, "browser");
  if (!rendered) throw new ScrapeError("parse_error", "no follower count in the rendered LinkedIn page", { path: ".top-card-layout__first-subline", url });
  return rendered;
}
