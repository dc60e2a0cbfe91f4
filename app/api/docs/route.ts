import { headers } from "next/headers";
import { NextResponse } from "next/server";

/**
 * GET /api/docs — interactive API docs: Swagger UI (swagger-ui-dist) served from our own origin and
 * started by a script carrying the request's CSP nonce (proxy.ts), so nothing loads from a CDN.
 */
export async function GET() {
  const nonce = (await headers()).get("x-nonce") ?? "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reach API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script nonce="${nonce}" src="/api/docs/swagger-ui-bundle.js"></script>
<script nonce="${nonce}" src="/api/docs/swagger-init.js"></script>
</body>
</html>`;
  return new NextResponse(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
