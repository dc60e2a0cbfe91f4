import type { ImageFormat } from "./fixture-images";

export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Path relative to tests/fixtures/platforms. */
  file?: string;
  body?: string;
  image?: { format: ImageFormat; bytes: number };
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
}

export interface FixtureRoute {
  host: string;
  /** Pathname, or pathname?query for an exact query match. */
  path: string;
  /** Served in order; the last one repeats. */
  responses: FixtureResponse[];
}
