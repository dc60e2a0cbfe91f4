import { integer, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Session revocation state (hand-written migration 20261124060000); private schema, service path only. */
const privateSchema = pgSchema("private");

export const sessionVersions = privateSchema.table("session_versions", {
  userId: uuid("user_id").primaryKey(),
  version: integer("version").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const revokedSessions = privateSchema.table("revoked_sessions", {
  sessionId: text("session_id").primaryKey(),
  userId: uuid("user_id").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
