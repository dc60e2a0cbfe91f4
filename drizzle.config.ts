import { defineConfig } from "drizzle-kit";

// drizzle-kit writes Supabase-CLI-named SQL (<timestamp>_<name>.sql) into supabase/migrations.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./supabase/migrations",
  schemaFilter: ["public"],
  entities: { roles: { provider: "supabase" } },
  migrations: { prefix: "supabase" },
});
