import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedSpan {
  name: string;
  attributes: Record<string, string | number | boolean>;
  status?: { code?: number; message?: string };
}

export interface OtlpReceiver {
  /** The OTLP/HTTP traces endpoint (…/v1/traces). */
  url: string;
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };

function valueOf(value: AnyValue): string | number | boolean {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  return value.boolValue ?? "";
}

/** A local stand-in for an OpenTelemetry collector: accepts OTLP/HTTP JSON trace exports as a collector does (200 {}). */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces" || !String(req.headers["content-type"]).startsWith("application/json")) {
        res.writeHead(415, { "content-type": "application/json" }).end(JSON.stringify({ code: 3, message: "only OTLP/HTTP JSON traces" }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        resourceSpans?: { scopeSpans?: { spans?: { name: string; attributes?: { key: string; value: AnyValue }[]; status?: ReceivedSpan["status"] }[] }[] }[];
      };
      for (const resource of body.resourceSpans ?? []) {
        for (const scope of resource.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            received.push({ name: span.name, attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, valueOf(a.value)])), status: span.status });
          }
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1/traces`, spans: () => [...received], close: () => new Promise((resolve) => server.close(() => resolve())) };
}
