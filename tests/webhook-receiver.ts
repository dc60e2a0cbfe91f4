import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(path?: string): string;
  received: ReceivedRequest[];
  /** Status codes to answer next, in order; once used up, every request gets 200. */
  answer(...statuses: number[]): void;
  /** Answer this status to every request from now on. */
  always(status: number): void;
  close(): Promise<void>;
}

/** A real HTTP server on a loopback port that records every POST and answers the statuses it is told to. */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  let queue: number[] = [];
  let fallback = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, String(value)]));
      received.push({ path: req.url ?? "/", headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = queue.shift() ?? fallback;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "error");
    });
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = "/hook") => `${origin}${path}`,
    received,
    answer: (...statuses) => void (queue = [...queue, ...statuses]),
    always: (status) => {
      queue = [];
      fallback = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
