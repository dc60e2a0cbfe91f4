// Browsers and crawlers ask for /favicon.ico whatever the page declares; the app's icon is an SVG.
export function GET() {
  return new Response(null, { status: 308, headers: { location: "/icon.svg", "cache-control": "public, max-age=86400" } });
}
