import { integer, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Session and credential state (hand-written migrations 20261124060000, 20261202003500); private schema, service path only. */
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

export const passwordResets = privateSchema.table("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id").notNull(),
  issuedBy: uuid("issued_by"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
