import { trace, type ProxyTracerProvider } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { OTLPHttpJsonTraceExporter } from "@vercel/otel";
import { registerTelemetry } from "@/lib/telemetry/register-telemetry";

type ExportCallback = Parameters<SpanExporter["export"]>[1];

/** Forwards spans to the current test's collector, or drops them between tests. */
class SwitchingExporter implements SpanExporter {
  target: SpanExporter | null = null;
  export(spans: ReadableSpan[], done: ExportCallback): void {
    if (!this.target) return done({ code: 0 } as Parameters<ExportCallback>[0]);
    this.target.export(spans, done);
  }
  async shutdown(): Promise<void> {}
  async forceFlush(): Promise<void> {
    await this.target?.forceFlush?.();
  }
}

const holder = globalThis as unknown as { __reachTestExporter?: SwitchingExporter };

async function flushProvider(): Promise<void> {
  const provider = (trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as { forceFlush?: () => Promise<void> };
  await provider.forceFlush?.();
}

/**
 * Registers Reach's telemetry once per worker (test files share one module graph, and the global
 * provider cannot be registered twice) and sends its spans to `url` until `stop()`.
 */
export async function traceTo(url: string): Promise<{ flush(): Promise<void>; stop(): Promise<void> }> {
  if (!holder.__reachTestExporter) {
    holder.__reachTestExporter = new SwitchingExporter();
    registerTelemetry({ traceExporter: holder.__reachTestExporter });
  }
  const exporter = holder.__reachTestExporter;
  await flushProvider();
  exporter.target = new OTLPHttpJsonTraceExporter({ url });
  return {
    flush: flushProvider,
    async stop() {
      await flushProvider();
      exporter.target = null;
    },
  };
}
