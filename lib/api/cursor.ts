import { z } from "zod";
import { AppError } from "@/lib/errors";

/** `?cursor=&limit=` on every list: an opaque cursor from the previous page's meta.next_cursor. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key a cursor carries, checked against the list's own key shape; anything else is a 400. */
export function decodeCursor<S extends z.ZodType>(cursor: string, shape: S): z.infer<S> {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("invalid_input", "The cursor is not one this list gave out.");
  }
}

/** Keyset paging over rows fetched `limit + 1` at a time: the extra row only says another page exists. */
export function keysetPage<T>(rows: T[], limit: number, key: (row: T) => readonly unknown[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/**
 * Paging over a short list the service returns whole in a stable order (members, invitations,
 * sheets, leaderboard groups): the cursor names the last item's unique key.
 */
export function pageOfList<T>(rows: T[], query: PageQuery, key: (row: T) => string): Page<T> {
  const after = query.cursor ? decodeCursor(query.cursor, z.tuple([z.string()]))[0] : null;
  const start = after === null ? 0 : rows.findIndex((row) => key(row) === after) + 1;
  if (after !== null && start === 0) throw new AppError("invalid_input", "The cursor is not one this list gave out.");
  return keysetPage(rows.slice(start, start + query.limit + 1), query.limit, (row) => [key(row)]);
}
