import { integer, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

/**
 * rate-limiter-flexible's Drizzle store: one row per key with its points and window end. Kept in the
 * unexposed private schema, outside lib/db/schema.ts, and created by a hand-written migration.
 */
export const rateLimits = pgSchema("private").table("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
