import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const document = JSON.stringify(buildOpenApiDocument());

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of API v1, generated from the routes' schemas; public. */
export function GET() {
  return new NextResponse(document, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
}
