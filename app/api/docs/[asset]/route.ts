import { readFile } from "node:fs/promises";
import path from "node:path";
import { NextResponse } from "next/server";
import { problem } from "@/lib/http/problem";

// Swagger UI's own files, read from the installed package (traced into the build by next.config.js).
const PACKAGE_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "swagger-ui-dist");
const FILES: Record<string, string> = { "swagger-ui-bundle.js": "text/javascript; charset=utf-8", "swagger-ui.css": "text/css; charset=utf-8" };
// Try-it-out sends the browser's session cookie (same origin) or a token typed into Authorize.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: false });`;

/** GET /api/docs/:asset — Swagger UI's bundle and stylesheet, and the script that starts it on our document. */
export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const { asset } = await params;
  if (asset === "swagger-init.js") return new NextResponse(INIT, { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=300" } });
  const type = FILES[asset];
  if (!type) return problem("not_found");
  const body = await readFile(path.join(PACKAGE_DIR, asset));
  return new NextResponse(body, { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
}
