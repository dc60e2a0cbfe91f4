import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FixtureResponse, FixtureRoute } from "./fixture-types";

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/platforms");

const file = (name: string, extra: Omit<FixtureResponse, "file"> = {}): FixtureResponse => ({ file: name, ...extra });
const route = (host: string, routePath: string, ...responses: FixtureResponse[]): FixtureRoute => ({ host, path: routePath, responses });
const redirect = (location: string, status = 302): FixtureResponse => ({ status, headers: { location }, body: "" });
const tooMany = (headers: Record<string, string>): FixtureResponse => ({ status: 429, headers, body: "Too Many Requests" });

const TIKTOK = "www.tiktok.com";
const CDN_A = "p16-sign-va.tiktokcdn-us.com";
const CDN_B = "p19-sign.tiktokcdn-us.com";
const SLIDE_PATH = (name: string) => `/tos-maliva-i-photomode-us/${name}~tplv-photomode-image.jpeg`;
const IG = "www.instagram.com";
const IG_API = (user: string) => `/api/v1/users/web_profile_info/?username=${user}`;

/** Every platform answer the tests, the bench and `npm run fixtures` rely on. */
export const DEFAULT_FIXTURE_ROUTES: FixtureRoute[] = [
  // TikTok profiles and posts.
  route(TIKTOK, "/@reach.demo", file("tiktok/profile.html")),
  route(TIKTOK, "/@big.demo", file("tiktok/profile-statsv2.html")),
  route(TIKTOK, "/@private.demo", file("tiktok/profile-private.html")),
  route(TIKTOK, "/@nobody.here", file("tiktok/profile-not-found.html")),
  route(TIKTOK, "/@legacy.demo", file("tiktok/profile-sigi.html")),
  route(TIKTOK, "/@walled.demo", file("tiktok/challenge.html")),
  route(TIKTOK, "/@busy.demo", tooMany({ "retry-after": "1" }), file("tiktok/profile.html")),
  route(TIKTOK, "/@reach.demo/video/7300000000000000001", file("tiktok/video.html")),
  route(TIKTOK, "/@reach.demo/video/7300000000000000002", file("tiktok/slideshow.html")),
  route(TIKTOK, "/@reach.demo/video/7300000000000000003", file("tiktok/post-private.html")),
  route(TIKTOK, "/@reach.demo/video/7300000000000000004", file("tiktok/post-region.html")),
  route(TIKTOK, "/@reach.demo/video/7300000000000000005", file("tiktok/post-gone.html")),
  route(TIKTOK, "/@reach.demo/video/7300000000000000006", redirect("https://www.tiktok.com/login?redirect_url=%2F%40reach.demo%2Fvideo%2F7300000000000000006")),
  route(TIKTOK, "/login", { body: "<html><title>Log in | TikTok</title></html>" }),
  route("vm.tiktok.com", "/ZMreach01/", redirect("https://www.tiktok.com/@reach.demo/video/7300000000000000001?_r=1&_t=ZM", 301)),
  route("vt.tiktok.com", "/ZSreach02/", redirect("https://www.tiktok.com/@reach.demo/photo/7300000000000000002?_r=1", 301)),
  ...[0, 1, 2].flatMap((index) => [
    route(CDN_A, SLIDE_PATH(`slide${index}`), { image: { format: "jpeg", bytes: 48_000 } }),
    route(CDN_B, SLIDE_PATH(`slide${index}`), { image: { format: "jpeg", bytes: 48_000 } }),
  ]),
  route(CDN_A, SLIDE_PATH("bench"), { image: { format: "jpeg", bytes: 500 * 1024 } }),

  // YouTube: channel pages in both header layouts, and the Data API (matched by query).
  route("www.youtube.com", "/@reachdemo", file("youtube/channel-legacy.html")),
  route("www.youtube.com", "/@modeldemo", file("youtube/channel-viewmodel.html")),
  route("www.youtube.com", "/@newdemo", file("youtube/channel-no-subscribers.html")),
  route("www.youtube.com", "/channel/UCzyxwvutsrqponmlkjihgfe", file("youtube/channel-viewmodel.html")),
  route("www.youtube.com", "/c/ReachDemo", file("youtube/channel-legacy.html")),
  route("www.youtube.com", "/@nobodyhere", file("youtube/not-found.html", { status: 404 })),
  route("www.youtube.com", "/@busydemo", tooMany({ "retry-after": "1" }), file("youtube/channel-legacy.html")),
  route("youtube.googleapis.com", "/youtube/v3/channels?forHandle=@reachdemo", file("youtube/api-channel.json")),
  route("youtube.googleapis.com", "/youtube/v3/channels?id=UCabcdefghijklmnopqrstuv", file("youtube/api-channel.json")),
  route("youtube.googleapis.com", "/youtube/v3/channels?forHandle=@hiddendemo", file("youtube/api-hidden.json")),
  route("youtube.googleapis.com", "/youtube/v3/channels?forHandle=@nobodyhere", file("youtube/api-empty.json")),
  route("youtube.googleapis.com", "/youtube/v3/channels?forHandle=@quotademo", file("youtube/api-quota.json", { status: 403 })),

  // X: API v2 with a bearer token, else the JavaScript-rendered profile through the browser.
  route("api.x.com", "/2/users/by/username/reachdemo", file("x/api-user.json")),
  route("api.x.com", "/2/users/by/username/lockeddemo", file("x/api-protected.json")),
  route("api.x.com", "/2/users/by/username/nobody_here", file("x/api-not-found.json")),
  route("api.x.com", "/2/users/by/username/gone_demo", file("x/api-suspended.json")),
  route("api.x.com", "/2/users/by/username/busydemo", tooMany({ "x-rate-limit-reset": "1" }), file("x/api-user.json")),
  route("x.com", "/browserdemo", file("x/profile.html")),
  route("x.com", "/nobody_here", file("x/profile-missing.html")),

  // Instagram: the web_profile_info API, the HTML og:description fallback, walls.
  route(IG, IG_API("reach.demo"), file("instagram/web-profile-info.json")),
  route(IG, IG_API("new.layout"), file("instagram/web-profile-info-counts.json")),
  route(IG, IG_API("nobody.here"), file("instagram/web-profile-info-null.json", { status: 404 })),
  route(IG, IG_API("rounded.demo"), redirect("https://www.instagram.com/accounts/login/?next=%2Fapi%2Fv1%2F")),
  route(IG, "/rounded.demo/", file("instagram/profile.html")),
  route(IG, IG_API("walled.demo"), redirect("https://www.instagram.com/accounts/login/")),
  route(IG, "/walled.demo/", redirect("https://www.instagram.com/accounts/login/?next=%2Fwalled.demo%2F")),
  route(IG, "/accounts/login/", file("instagram/login.html")),
  route(IG, IG_API("slow.down"), file("instagram/please-wait.json", { status: 429 })),
  route(IG, IG_API("busy.demo"), tooMany({ "retry-after": "1" }), file("instagram/web-profile-info.json")),

  // Facebook: Graph API with a token, else embedded JSON, else visible text.
  route("graph.facebook.com", "/v23.0/reachdemo", file("facebook/graph-page.json")),
  route("graph.facebook.com", "/v23.0/nobodyhere", file("facebook/graph-not-found.json", { status: 404 })),
  route("graph.facebook.com", "/v23.0/busydemo", file("facebook/graph-rate-limit.json", { status: 400 })),
  route("www.facebook.com", "/embeddeddemo", file("facebook/page-embedded.html")),
  route("www.facebook.com", "/textdemo", file("facebook/page-visible.html")),
  route("www.facebook.com", "/nobodyhere", file("facebook/unavailable.html")),
  route("www.facebook.com", "/walleddemo", redirect("https://www.facebook.com/login/?next=https%3A%2F%2Fwww.facebook.com%2Fwalleddemo")),
  route("www.facebook.com", "/login/", file("facebook/login.html")),
  route("www.facebook.com", "/busydemo", tooMany({ "retry-after": "1" }), file("facebook/page-embedded.html")),

  // LinkedIn company pages.
  route("www.linkedin.com", "/company/reach-demo/", file("linkedin/company.html")),
  route("www.linkedin.com", "/company/round-co/", file("linkedin/company-rounded.html")),
  route("www.linkedin.com", "/company/nobody-here/", file("linkedin/not-found.html", { status: 404 })),
  route("www.linkedin.com", "/company/denied-co/", { status: 999, body: "<html><body>Request denied</body></html>" }),
  route("www.linkedin.com", "/company/walled-co/", redirect("https://www.linkedin.com/authwall?trk=gf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fcompany%2Fwalled-co%2F")),
  route("www.linkedin.com", "/authwall", file("linkedin/authwall.html")),
  route("www.linkedin.com", "/company/busy-co/", tooMany({ "retry-after": "1" }), file("linkedin/company.html")),

  // Truth Social (Mastodon-compatible API behind Cloudflare).
  route("truthsocial.com", "/api/v1/accounts/lookup?acct=reachdemo", file("truth_social/lookup.json")),
  route("truthsocial.com", "/api/v1/accounts/lookup?acct=lockeddemo", file("truth_social/lookup-locked.json")),
  route("truthsocial.com", "/api/v1/accounts/lookup?acct=nobodyhere", file("truth_social/not-found.json", { status: 404 })),
  route("truthsocial.com", "/api/v1/accounts/lookup?acct=walleddemo", file("truth_social/challenge.html", { status: 403, headers: { "cf-mitigated": "challenge" } })),
  route("truthsocial.com", "/api/v1/accounts/lookup?acct=busydemo", tooMany({ "retry-after": "1" }), file("truth_social/lookup.json")),

  // Bluesky public AppView.
  route("public.api.bsky.app", "/xrpc/app.bsky.actor.getProfile?actor=reach.bsky.social", file("bluesky/profile.json")),
  route("public.api.bsky.app", "/xrpc/app.bsky.actor.getProfile?actor=fresh.bsky.social", file("bluesky/profile-fresh.json")),
  route("public.api.bsky.app", "/xrpc/app.bsky.actor.getProfile?actor=nobody.bsky.social", file("bluesky/not-found.json", { status: 400 })),
  route("public.api.bsky.app", "/xrpc/app.bsky.actor.getProfile?actor=gone.bsky.social", file("bluesky/deactivated.json", { status: 400 })),
  route("public.api.bsky.app", "/xrpc/app.bsky.actor.getProfile?actor=busy.bsky.social", tooMany({ "ratelimit-reset": "1", "ratelimit-remaining": "0" }), file("bluesky/profile.json")),

  // Threads: embedded profile JSON, the official API, walls.
  route("www.threads.com", "/@reach.demo", file("threads/profile.html")),
  route("www.threads.com", "/@quiet.demo", file("threads/profile-private.html")),
  route("www.threads.com", "/@nobody.here", file("threads/not-found.html", { status: 404 })),
  route("www.threads.com", "/@walled.demo", redirect("https://www.threads.com/login?next=%2F%40walled.demo")),
  route("www.threads.com", "/login", file("threads/login.html")),
  route("www.threads.com", "/@busy.demo", tooMany({ "retry-after": "1" }), file("threads/profile.html")),
  route("graph.threads.net", "/v1.0/profile_lookup?username=api.demo", file("threads/api-profile.json")),

  // Mastodon instances.
  route("mastodon.social", "/api/v1/accounts/lookup?acct=reach", file("mastodon/lookup.json")),
  route("mastodon.social", "/api/v1/accounts/lookup?acct=quiet", file("mastodon/lookup-locked.json")),
  route("mastodon.social", "/api/v1/accounts/lookup?acct=nobody", file("mastodon/not-found.json", { status: 404 })),
  route("closed.example", "/api/v1/accounts/lookup?acct=reach", file("mastodon/unauthorized.json", { status: 401 })),
  route("mastodon.social", "/api/v1/accounts/lookup?acct=busy", tooMany({ "x-ratelimit-reset": "1970-01-01T00:00:00.000Z" }), file("mastodon/lookup.json")),
];
