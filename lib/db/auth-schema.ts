import { jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Supabase's auth.users (created by the bootstrap where Supabase is absent); only the columns we use. */
export const authSchema = pgSchema("auth");
export const authUsers = authSchema.table("users", {
  id: uuid("id").primaryKey(),
  email: text("email"),
  encryptedPassword: text("encrypted_password"),
  // Set once the address is proven (an emailed link or code, Google, or the operator's CLI).
  emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
  rawAppMetaData: jsonb("raw_app_meta_data"),
  rawUserMetaData: jsonb("raw_user_meta_data"),
  createdAt: timestamp("created_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }),
  lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
});
