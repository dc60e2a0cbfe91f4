import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("schema guard on %s", (engine) => {
  let db: TestDatabase;
  const query = <T extends Record<string, unknown>>(text: string) => db.connection.runner.query<T>(text);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("has row-level security on every public table, each with at least one policy", async () => {
    const tables = await query<{ relname: string; rls: boolean; policies: number }>(`
      select c.relname, c.relrowsecurity as rls,
             (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`);
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const table of tables) {
      expect(table.rls, table.relname).toBe(true);
      expect(table.policies, table.relname).toBeGreaterThan(0);
    }
  });

  it("wraps every auth.uid()/auth.jwt() and helper call in a policy in (select ...)", async () => {
    const policies = await query<{ name: string; text: string }>(`
      select policyname as name, coalesce(qual, '') || ' ' || coalesce(with_check, '') as text
      from pg_policies where schemaname = 'public'`);
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      const calls = policy.text.match(/(auth\.(uid|jwt|role)|private\.\w+)\(/g) ?? [];
      const wrapped = policy.text.match(/\(\s*select\s+(auth\.(uid|jwt|role)|private\.\w+)\(/gi) ?? [];
      expect(calls.length, policy.name).toBeGreaterThan(0);
      expect(wrapped.length, `${policy.name}: ${policy.text}`).toBe(calls.length);
    }
  });

  it("keeps security-definer helpers in the unexposed private schema with a fixed search_path", async () => {
    const helpers = await query<{ name: string; schema: string; config: string[] | null }>(`
      select p.proname as name, n.nspname as schema, p.proconfig as config
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ('public', 'private')`);
    expect(helpers.length).toBeGreaterThan(0);
    for (const helper of helpers) {
      expect(helper.schema, helper.name).toBe("private");
      expect(helper.config ?? [], helper.name).toContain('search_path=""');
    }
    const anonExecute = await query<{ n: number }>(`
      select count(*)::int as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'private' and has_function_privilege('anon', p.oid, 'execute')`);
    expect(anonExecute[0]?.n).toBe(0);
  });

  it("runs user queries under a role that neither is superuser nor bypasses RLS", async () => {
    const rows = await query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "select rolsuper, rolbypassrls from pg_roles where rolname in ('authenticated', 'anon')",
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("provides Supabase's auth helpers reading request.jwt.claims", async () => {
    const rows = await db.connection.runner.transaction(async (tx) => {
      await tx.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: "00000000-0000-4000-8000-000000000001", role: "authenticated", email: "a@b.c" }),
      ]);
      return tx.query<{ uid: string; role: string; email: string }>(
        "select auth.uid()::text as uid, auth.role() as role, auth.jwt() ->> 'email' as email",
      );
    });
    expect(rows[0]).toEqual({ uid: "00000000-0000-4000-8000-000000000001", role: "authenticated", email: "a@b.c" });
  });

  it("applies migrations idempotently and records them where the Supabase CLI looks", async () => {
    const files = (await readdir(path.join("supabase", "migrations"))).filter((f) => f.endsWith(".sql"));
    const before = await query<{ version: string }>("select version from supabase_migrations.schema_migrations order by version");
    expect(before.map((row) => row.version)).toEqual(files.map((f) => f.slice(0, 14)).sort());
    const again = await applyMigrations(db.connection.runner);
    expect(again.applied).toEqual([]);
    const after = await query<{ n: number }>("select count(*)::int as n from supabase_migrations.schema_migrations");
    expect(after[0]?.n).toBe(files.length);
  });

  it("has the indexes the dashboard's queries rely on", async () => {
    const indexes = await query<{ indexdef: string }>("select indexdef from pg_indexes where schemaname = 'public'");
    const defs = indexes.map((row) => row.indexdef).join("\n");
    expect(defs).toMatch(/account_snapshots USING btree \(account_id, snapshot_date\)/);
    expect(defs).toMatch(/tiktok_posts USING btree \(workspace_id, va\)/);
    expect(defs).toMatch(/job_runs USING btree \(workspace_id, created_at DESC/);
    expect(defs).toMatch(/workspace_members USING btree \(user_id\)/);
  });
});

describe("raw client imports", () => {
  // instrumentation.ts only opens the process connection at start-up, before any request; backup.ts
  // dumps and restores the whole database for the db:backup/db:restore CLIs, as its owner.
  const ALLOWED = new Set(["lib/db/rls.ts", "lib/db/service.ts", "lib/db/process-connection.ts", "lib/db/migrate.ts", "lib/db/backup.ts", "instrumentation.ts"]);

  async function sourceFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(
      entries.map(async (entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return ["node_modules", ".next", ".data", ".git"].includes(entry.name) ? [] : sourceFiles(full);
        return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
      }),
    );
    return nested.flat();
  }

  it("only the RLS entry point, the service path and test harnesses open the raw client", async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(".")) {
      const relative = path.relative(".", file);
      const isTest = relative.endsWith(".test.ts") || relative.startsWith("tests/") || relative.startsWith("bench/");
      if (ALLOWED.has(relative) || isTest || relative === "lib/db/client.ts") continue;
      const text = await readFile(file, "utf8");
      const rawModule = String.raw`(@\/lib\/db\/(client|process-connection)|\.\/(client|process-connection)|\.\.\/db\/(client|process-connection))`;
      const importsValue =
        new RegExp(String.raw`import\s+(?!type\b)[^;]*from\s+["']${rawModule}["']`).test(text) ||
        new RegExp(String.raw`import\(\s*["']${rawModule}["']\s*\)`).test(text);
      const importsDriver = /import\s+(?!type\b)[^;]*from\s+["'](@electric-sql\/pglite|postgres|drizzle-orm\/(pglite|postgres-js))["']/.test(text);
      if (importsValue || importsDriver) offenders.push(relative);
    }
    expect(offenders).toEqual([]);
  });
});
