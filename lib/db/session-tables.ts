import { bigint, integer, pgSchema, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Session and credential state (hand-written migrations 20261124060000, 20261202003500, 20261202100100); private schema, service path only. */
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

/** The TOTP second factor (hand-written migration 20261202100100): secret encrypted, never in plain text. */
export const userTotp = privateSchema.table("user_totp", {
  userId: uuid("user_id").primaryKey(),
  secretCiphertext: text("secret_ciphertext").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const totpRecoveryCodes = privateSchema.table(
  "totp_recovery_codes",
  {
    userId: uuid("user_id").notNull(),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
