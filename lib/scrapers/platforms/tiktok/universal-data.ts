import { ScrapeError } from "../../errors";
import { parseHtml, parseJson, scriptText } from "../../parse";

const UNIVERSAL = "script#__UNIVERSAL_DATA_FOR_REHYDRATION__";
const SIGI = "script#SIGI_STATE";

export type TiktokPageData =
  | { layout: "universal"; scope: Record<string, unknown> }
  | { layout: "sigi"; state: Record<string, unknown> };

/** The JSON TikTok embeds in its pages: the current rehydration script, else the legacy SIGI_STATE. */
export function extractTiktokData(html: string, url: string): TiktokPageData {
  const dom = parseHtml(html);
  const universal = scriptText(dom, UNIVERSAL);
  if (universal) {
    const data = parseJson(universal, UNIVERSAL) as { __DEFAULT_SCOPE__?: Record<string, unknown> } | null;
    if (!data?.__DEFAULT_SCOPE__) throw new ScrapeError("parse_error", `${UNIVERSAL} has no __DEFAULT_SCOPE__`, { path: `${UNIVERSAL}.__DEFAULT_SCOPE__`, url });
    return { layout: "universal", scope: data.__DEFAULT_SCOPE__ };
  }
  const sigi = scriptText(dom, SIGI);
  if (sigi) return { layout: "sigi", state: parseJson(sigi, SIGI) as Record<string, unknown> };
  // A page without the data but with the proof-of-work elements is TikTok's bot wall.
  if (dom.querySelector("#cs") && dom.querySelector("#wci")) throw new ScrapeError("blocked", "TikTok answered with its proof-of-work challenge page", { url });
  throw new ScrapeError("parse_error", `the page has neither ${UNIVERSAL} nor ${SIGI}`, { path: UNIVERSAL, url });
}

/** TikTok's statusCode values, as read by yt-dlp and gallery-dl. */
export function tiktokStatusError(statusCode: number, url: string, what: "account" | "post"): ScrapeError | null {
  switch (statusCode) {
    case 0:
      return null;
    case 10216:
      return new ScrapeError("private", "this TikTok post is private", { url });
    case 10222:
      return new ScrapeError("private", "this TikTok account is private", { url });
    case 10221:
    case 10204:
      return new ScrapeError("not_found", `this TikTok ${what} does not exist or is no longer available`, { url });
    case 10231:
      return new ScrapeError("region_locked", `this TikTok ${what} is not available in the scraper's region`, { url });
    default:
      return new ScrapeError("parse_error", `TikTok answered with unknown statusCode ${statusCode}`, { path: "statusCode", url });
  }
}
