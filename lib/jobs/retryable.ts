import { AppError } from "@/lib/errors";
import { ScrapeError } from "@/lib/scrapers/errors";
import { NonRetriableJobError } from "./job-definition";

/**
 * The job boundary's rule: a payload error, or an AppError / ScrapeError whose code says trying
 * again cannot help, fails at once on both engines; anything else (unknown errors included) is retried.
 */
export function isPermanentJobError(error: unknown): boolean {
  if (error instanceof NonRetriableJobError) return true;
  if (error instanceof AppError || error instanceof ScrapeError) return !error.retryable;
  return false;
}
