import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { scrubText } from "@/lib/log/logger";

const tracer = trace.getTracer("reach");

function markFailed(span: Span, error: unknown) {
  const failure = error instanceof Error ? error : new Error(String(error));
  const code = (failure as { code?: unknown }).code;
  span.recordException({ name: failure.name, message: scrubText(failure.message) });
  span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === "string" ? code : failure.name });
}

/**
 * A span for work that already finished, made whole at once (start time, every attribute, the
 * failure), for hot paths whose outcome is only known at the end (a scrape).
 */
export function recordSpan(name: string, options: { startTime: Date; attributes: Attributes; error?: unknown }): void {
  const span = tracer.startSpan(name, { startTime: options.startTime, attributes: options.attributes });
  if (options.error !== undefined) markFailed(span, options.error);
  span.end();
}

/**
 * Runs `fn` in an active span (a child of the current one). Without a registered provider the API
 * hands out no-op spans, so this costs nothing when tracing is off. Failures are recorded by their
 * class and scrubbed message, then rethrown.
 */
export function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
