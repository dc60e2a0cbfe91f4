import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { registerOTel } from "@vercel/otel";

/**
 * Registers tracing first thing at start-up. With OTEL_EXPORTER_OTLP_ENDPOINT set (or on Vercel),
 * @vercel/otel exports over OTLP; otherwise spans go nowhere. Tests pass their own exporter.
 */
export function registerTelemetry(options: { traceExporter?: SpanExporter } = {}): void {
  registerOTel({ serviceName: "reach", ...(options.traceExporter ? { traceExporter: options.traceExporter } : {}) });
}
