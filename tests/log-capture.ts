import { Writable } from "node:stream";
import { createLogger, type Logger } from "@/lib/log/logger";

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Everything written, as one string to grep. */
  text(): string;
}

/** A real Reach logger (redaction and serializers included) whose lines stay in memory. */
export function captureLogs(level = "trace"): CapturedLogs {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const text = () => chunks.join("");
  return { logger, text, lines: () => text().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}
