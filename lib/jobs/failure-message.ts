import { isPermanentJobError } from "./retryable";

/**
 * What job_runs.error shows every member. A permanent error's message is written for people (the
 * variable to set, the sheet to share); anything else may carry SQL or a stack and stays in the log.
 * Inngest hands onFailure a deserialized error, so its NonRetriableError is recognized by name.
 */
export function failureMessage(error: Error, fallback: string): string {
  return isPermanentJobError(error) || error.name === "NonRetriableError" ? error.message : fallback;
}
