import { z } from "zod";
import { ERROR_CODES, errorCodeSchema, type ErrorCode } from "@/lib/errors";

/** One object: `{ data, meta }`; meta is empty unless the operation says otherwise. */
export const envelope = <T extends z.ZodType, M extends z.ZodRawShape = Record<never, never>>(data: T, meta?: M) =>
  z.object({ data, meta: z.object(meta ?? ({} as M)) });

/** A list: `{ data: [...], meta: { next_cursor } }`; `next_cursor` is null on the last page. */
export const listEnvelope = <T extends z.ZodType, M extends z.ZodRawShape = Record<never, never>>(item: T, meta?: M) =>
  z.object({ data: z.array(item), meta: z.object({ next_cursor: z.string().nullable(), ...(meta ?? ({} as M)) }) });

/** application/problem+json (RFC 9457), as lib/http/problem.ts writes it. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    code: errorCodeSchema,
    detail: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: "Problem" });

export const problemExample = (code: ErrorCode, detail?: string) => {
  const { status, message } = ERROR_CODES[code];
  return { type: `about:blank#${code}`, title: message, status, code, detail: detail ?? message };
};
