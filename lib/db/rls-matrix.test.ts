import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/client";
import { runAsUser, type UserClaims } from "@/lib/db/rls";
import { pgErrorCode, rowsOf } from "@/lib/db/rows";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

type UserPersona = "admin" | "editor" | "viewer" | "outsider";
// API tokens of workspace A: they act through the same policies with their own role, never more.
type TokenPersona = "viewerToken" | "editorToken" | "revokedToken" | "expiredToken";
type Persona = UserPersona | TokenPersona | "anon";
type Operation = "select" | "insert" | "update" | "delete";
const PERSONAS: Persona[] = ["admin", "editor", "viewer", "outsider", "anon", "viewerToken", "editorToken", "revokedToken", "expiredToken"];
const TOKEN_PERSONAS: TokenPersona[] = ["viewerToken", "editorToken", "revokedToken", "expiredToken"];
const isToken = (persona: Persona): persona is TokenPersona => (TOKEN_PERSONAS as Persona[]).includes(persona);

interface Ids {
  wsA: string;
  wsB: string;
  users: Record<UserPersona, string>;
  tokens: Record<TokenPersona, string>;
  stranger: string;
  account: string;
  post: string;
  jobRun: string;
  webhookEndpoint: string;
  alertChannel: string;
  rule: string;
}

interface TableCase {
  table: string;
  /** Names the case when one table has two (rows whose policy differs by a column). */
  label?: string;
  /** Who may do what to workspace A's rows; everyone else must be refused. */
  allowed: Record<Operation, Persona[]>;
  insert(ids: Ids, actor: string): SQL;
  /** Identifies the fixture row of workspace A. */
  where(ids: Ids): SQL;
  updateSet: SQL;
}

const MEMBERS: Persona[] = ["admin", "editor", "viewer", "viewerToken", "editorToken"];
const EDITORS: Persona[] = ["admin", "editor", "editorToken"];
const NOBODY: Persona[] = [];
const domain = { select: MEMBERS, insert: EDITORS, update: EDITORS, delete: EDITORS };
let serial = 0;
const nextDay = () => sql.raw(`'2020-01-01'::date + ${++serial}`);

const CASES: TableCase[] = [
  {
    table: "workspaces",
    allowed: { select: MEMBERS, insert: NOBODY, update: ["admin"], delete: NOBODY },
    insert: () => sql`insert into workspaces (slug, name) values (${`ws-${randomUUID()}`}, 'New')`,
    where: (ids) => sql`id = ${ids.wsA}`,
    updateSet: sql`name = name`,
  },
  {
    table: "workspace_members",
    // Members join only through the service path (invitation acceptance, user:create).
    allowed: { select: MEMBERS, insert: NOBODY, update: ["admin"], delete: ["admin"] },
    insert: (ids) => sql`insert into workspace_members (workspace_id, user_id, role) values (${ids.wsA}, ${ids.stranger}, 'viewer')`,
    where: (ids) => sql`workspace_id = ${ids.wsA} and user_id = ${ids.users.viewer}`,
    updateSet: sql`role = role`,
  },
  {
    table: "profiles",
    // Users write only their own profile; the fixture row is the admin's.
    allowed: { select: MEMBERS, insert: NOBODY, update: ["admin"], delete: NOBODY },
    insert: (ids) => sql`insert into profiles (user_id, display_name) values (${ids.stranger}, 'Someone else')`,
    where: (ids) => sql`user_id = ${ids.users.admin}`,
    updateSet: sql`display_name = display_name`,
  },
  {
    table: "invitations",
    allowed: { select: ["admin"], insert: ["admin"], update: ["admin"], delete: ["admin"] },
    insert: (ids) =>
      sql`insert into invitations (workspace_id, email, role, token_hash, expires_at) values (${ids.wsA}, 'new@example.test', 'viewer', ${randomUUID()}, now() + interval '1 day')`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`email = email`,
  },
  {
    table: "api_tokens",
    // Admins create and revoke (revoked_at is the only column they may change); rows are never deleted.
    allowed: { select: ["admin"], insert: ["admin"], update: ["admin"], delete: NOBODY },
    insert: (ids) => sql`insert into api_tokens (workspace_id, name, role, token_hash) values (${ids.wsA}, 'New', 'viewer', ${randomUUID()})`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`revoked_at = revoked_at`,
  },
  {
    table: "accounts",
    allowed: domain,
    insert: (ids) => sql`insert into accounts (workspace_id, platform, handle) values (${ids.wsA}, 'x', ${`h${randomUUID()}`})`,
    where: (ids) => sql`id = ${ids.account}`,
    updateSet: sql`display_name = display_name`,
  },
  {
    table: "account_snapshots",
    allowed: domain,
    insert: (ids) =>
      sql`insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source) values (${ids.account}, ${ids.wsA}, ${nextDay()}, 1, 'api')`,
    where: (ids) => sql`account_id = ${ids.account}`,
    updateSet: sql`followers = followers`,
  },
  {
    table: "tiktok_posts",
    allowed: domain,
    insert: (ids) => sql`insert into tiktok_posts (workspace_id, post_id, url) values (${ids.wsA}, ${randomUUID()}, 'https://www.tiktok.com/@a/video/1')`,
    where: (ids) => sql`id = ${ids.post}`,
    updateSet: sql`caption = caption`,
  },
  {
    table: "tiktok_post_stats",
    allowed: domain,
    insert: (ids) => sql`insert into tiktok_post_stats (post_id, workspace_id, date, views) values (${ids.post}, ${ids.wsA}, ${nextDay()}, 1)`,
    where: (ids) => sql`post_id = ${ids.post}`,
    updateSet: sql`views = views`,
  },
  {
    table: "tiktok_slides",
    allowed: domain,
    insert: (ids) => sql`insert into tiktok_slides (post_id, workspace_id, slide_index) values (${ids.post}, ${ids.wsA}, ${1000 + ++serial})`,
    where: (ids) => sql`post_id = ${ids.post}`,
    updateSet: sql`width = width`,
  },
  {
    table: "sheet_sources",
    allowed: { select: MEMBERS, insert: ["admin"], update: ["admin"], delete: ["admin"] },
    insert: (ids) => sql`insert into sheet_sources (workspace_id, spreadsheet_id, tab) values (${ids.wsA}, ${randomUUID()}, 'Posts')`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`tab = tab`,
  },
  {
    table: "job_runs",
    allowed: domain,
    insert: (ids) => sql`insert into job_runs (workspace_id, kind, status, trigger) values (${ids.wsA}, 'snapshots', 'succeeded', 'manual')`,
    where: (ids) => sql`id = ${ids.jobRun}`,
    updateSet: sql`error = error`,
  },
  {
    table: "scraping_logs",
    allowed: domain,
    insert: (ids) =>
      sql`insert into scraping_logs (workspace_id, job_run_id, batch_id, duration_ms, urls_processed) values (${ids.wsA}, ${ids.jobRun}, ${randomUUID()}, 1, 1)`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`duration_ms = duration_ms`,
  },
  {
    table: "workspace_follower_days",
    // A rollup written only by triggers on account_snapshots and accounts; members read it.
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) => sql`insert into workspace_follower_days (workspace_id, date, followers, accounts, approximate) values (${ids.wsA}, '2030-01-01', 1, 1, false)`,
    where: (ids) => sql`workspace_id = ${ids.wsA} and date = '2024-01-01'`,
    updateSet: sql`followers = followers`,
  },
  {
    table: "tiktok_post_view_gains",
    // Rollups written only by triggers on tiktok_post_stats, tiktok_posts and workspaces; members read them.
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) => sql`insert into tiktok_post_view_gains (post_id, workspace_id, date, gained) values (${ids.post}, ${ids.wsA}, '2030-01-01', 1)`,
    where: (ids) => sql`post_id = ${ids.post} and date = '2024-01-01'`,
    updateSet: sql`gained = gained`,
  },
  {
    table: "tiktok_group_view_gains",
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into tiktok_group_view_gains (workspace_id, dimension, key, date, gained, readings) values (${ids.wsA}, 'va', 'x', '2030-01-01', 1, 1)`,
    where: (ids) => sql`workspace_id = ${ids.wsA} and date = '2024-01-01'`,
    updateSet: sql`gained = gained`,
  },
  {
    table: "tiktok_group_view_gain_weeks",
    // Written only by triggers on tiktok_group_view_gains; members read it.
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into tiktok_group_view_gain_weeks (workspace_id, dimension, key, week, gained, daily) values (${ids.wsA}, 'va', 'x', '2030-01-07', 1, '{1,0,0,0,0,0,0}')`,
    where: (ids) => sql`workspace_id = ${ids.wsA} and week = '2024-01-01'`,
    updateSet: sql`gained = gained`,
  },
  {
    table: "tiktok_group_posted_days",
    // Written only by triggers on tiktok_posts and workspaces; members read it.
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into tiktok_group_posted_days (workspace_id, dimension, key, date, posts, slideshows, videos, views, view_list, engagement_sum, engagement_posts)
        values (${ids.wsA}, 'va', 'x', '2030-01-01', 1, 0, 0, 0, '{}', 0, 0)`,
    where: (ids) => sql`workspace_id = ${ids.wsA} and date = '2024-01-01'`,
    updateSet: sql`posts = posts`,
  },
  {
    table: "tiktok_group_posted_weeks",
    // Written only by triggers on tiktok_group_posted_days; members read it.
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into tiktok_group_posted_weeks (workspace_id, dimension, key, week, posts, slideshows, videos, views, view_list, engagement_sum, engagement_posts)
        values (${ids.wsA}, 'va', 'x', '2030-01-07', 1, 0, 0, 0, '{}', 0, 0)`,
    where: (ids) => sql`workspace_id = ${ids.wsA} and week = '2024-01-01'`,
    updateSet: sql`posts = posts`,
  },
  {
    table: "tiktok_group_period_medians",
    // Written only by private.fill_period_medians (after runs) and triggers on the day rows; members read it.
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into tiktok_group_period_medians (workspace_id, dimension, key, period_from, period_to, median_views)
        values (${ids.wsA}, 'va', 'x', '2030-01-01', '2030-01-07', 1)`,
    where: (ids) => sql`workspace_id = ${ids.wsA} and period_from = '2024-01-01'`,
    updateSet: sql`median_views = median_views`,
  },
  {
    table: "tiktok_post_counts",
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) => sql`insert into tiktok_post_counts (workspace_id, status, stats_date, posts, gained_1d) values (${ids.wsA}, 'failed', '2030-01-01', 1, 0)`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`posts = posts`,
  },
  {
    table: "audit_log",
    // Admins read it; only the service path writes it; nobody edits history.
    allowed: { select: ["admin"], insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids, actor) => sql`insert into audit_log (workspace_id, actor_id, action, entity) values (${ids.wsA}, ${actor}, 'test', 'test')`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`action = action`,
  },
  {
    table: "delivery_endpoints",
    label: "delivery_endpoints (webhook)",
    // Outgoing webhooks carry a signing secret and reach outside systems: admins only.
    allowed: { select: ["admin"], insert: ["admin"], update: ["admin"], delete: ["admin"] },
    insert: (ids) => sql`insert into delivery_endpoints (workspace_id, purpose, kind, name, target) values (${ids.wsA}, 'webhook', 'webhook', 'n', 'https://example.org/h')`,
    where: (ids) => sql`id = ${ids.webhookEndpoint}`,
    updateSet: sql`name = name`,
  },
  {
    table: "delivery_endpoints",
    label: "delivery_endpoints (alert channel)",
    allowed: { select: EDITORS, insert: EDITORS, update: EDITORS, delete: EDITORS },
    insert: (ids) => sql`insert into delivery_endpoints (workspace_id, purpose, kind, name, target) values (${ids.wsA}, 'alert', 'slack', 'n', 'https://hooks.slack.com/x')`,
    where: (ids) => sql`id = ${ids.alertChannel}`,
    updateSet: sql`name = name`,
  },
  {
    table: "deliveries",
    label: "deliveries (webhook)",
    // A test event is queued by the admin who pressed the button; attempts are the service path's.
    allowed: { select: ["admin"], insert: ["admin"], update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into deliveries (workspace_id, endpoint_id, purpose, event_type, dedup_key, payload) values (${ids.wsA}, ${ids.webhookEndpoint}, 'webhook', 'webhook.test', ${randomUUID()}, '{}')`,
    where: (ids) => sql`endpoint_id = ${ids.webhookEndpoint}`,
    updateSet: sql`attempts = attempts`,
  },
  {
    table: "deliveries",
    label: "deliveries (alert channel)",
    allowed: { select: EDITORS, insert: EDITORS, update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into deliveries (workspace_id, endpoint_id, purpose, event_type, dedup_key, payload) values (${ids.wsA}, ${ids.alertChannel}, 'alert', 'webhook.test', ${randomUUID()}, '{}')`,
    where: (ids) => sql`endpoint_id = ${ids.alertChannel}`,
    updateSet: sql`attempts = attempts`,
  },
  {
    table: "alert_rules",
    allowed: domain,
    insert: (ids) => sql`insert into alert_rules (workspace_id, kind, name) values (${ids.wsA}, 'account_failing', 'r')`,
    where: (ids) => sql`id = ${ids.rule}`,
    updateSet: sql`name = name`,
  },
  {
    table: "alerts",
    // History is written by the evaluation job alone.
    allowed: { select: MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (ids) =>
      sql`insert into alerts (workspace_id, rule_id, rule_kind, subject_type, subject_id, subject_label, link, day, title, message) values (${ids.wsA}, ${ids.rule}, 'account_failing', 'account', ${randomUUID()}, 'a', '/a', current_date, 't', 'm')`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`title = title`,
  },
  {
    table: "alert_mutes",
    allowed: domain,
    insert: (ids) => sql`insert into alert_mutes (workspace_id, rule_id, until) values (${ids.wsA}, ${ids.rule}, now() + interval '1 day')`,
    where: (ids) => sql`workspace_id = ${ids.wsA}`,
    updateSet: sql`until = until`,
  },
  {
    table: "private.user_totp",
    // Second-factor state: only the service path reads or writes it, even a user's own row.
    allowed: { select: NOBODY, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (_ids, actor) => sql`insert into private.user_totp (user_id, secret_ciphertext) values (${actor}, 'v1.x.y.z')`,
    where: (ids) => sql`user_id = ${ids.users.admin}`,
    updateSet: sql`enabled_at = null`,
  },
  {
    table: "private.totp_recovery_codes",
    allowed: { select: NOBODY, insert: NOBODY, update: NOBODY, delete: NOBODY },
    insert: (_ids, actor) => sql`insert into private.totp_recovery_codes (user_id, code_hash) values (${actor}, ${randomUUID()})`,
    where: (ids) => sql`user_id = ${ids.users.admin}`,
    updateSet: sql`used_at = now()`,
  },
];

class Rollback extends Error {}

/** Runs one statement as a persona and rolls it back; "allowed" means it took effect on ≥1 row. */
async function attempt(db: TestDatabase, claims: UserClaims | null, statement: SQL): Promise<"allowed" | "refused"> {
  let outcome: "allowed" | "refused" = "refused";
  try {
    await runAsUser(db.connection, claims, async (tx: Tx) => {
      try {
        const rows = rowsOf<{ n: number }>(await tx.execute(statement));
        outcome = rows.length > 0 && Number(rows[0]?.n ?? 1) > 0 ? "allowed" : "refused";
      } catch (error) {
        // 42501: no privilege, or a row that violates a WITH CHECK policy.
        if (pgErrorCode(error) !== "42501") throw error;
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome;
}

function statementFor(testCase: TableCase, operation: Operation, ids: Ids, actor: string): SQL {
  const table = sql.raw(testCase.table);
  const where = testCase.where(ids);
  switch (operation) {
    case "select":
      return sql`select count(*)::int as n from ${table} where ${where}`;
    case "insert":
      return sql`${testCase.insert(ids, actor)} returning 1 as n`;
    case "update":
      return sql`update ${table} set ${testCase.updateSet} where ${where} returning 1 as n`;
    case "delete":
      return sql`delete from ${table} where ${where} returning 1 as n`;
  }
}

describe.each(ENGINES)("RLS matrix on %s", (engine) => {
  let db: TestDatabase;
  let ids: Ids;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const user = () => randomUUID();
    ids = {
      wsA: randomUUID(),
      wsB: randomUUID(),
      users: { admin: user(), editor: user(), viewer: user(), outsider: user() },
      tokens: { viewerToken: randomUUID(), editorToken: randomUUID(), revokedToken: randomUUID(), expiredToken: randomUUID() },
      stranger: user(),
      account: randomUUID(),
      post: randomUUID(),
      jobRun: randomUUID(),
      webhookEndpoint: randomUUID(),
      alertChannel: randomUUID(),
      rule: randomUUID(),
    };
    const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
    for (const id of [...Object.values(ids.users), ids.stranger]) {
      await run("insert into auth.users (id, email) values ($1, $2)", [id, `${id}@example.test`]);
    }
    await run("insert into workspaces (id, slug, name) values ($1, 'a', 'A'), ($2, 'b', 'B')", [ids.wsA, ids.wsB]);
    await run(
      `insert into workspace_members (workspace_id, user_id, role) values
       ($1, $2, 'admin'), ($1, $3, 'editor'), ($1, $4, 'viewer'), ($5, $6, 'admin')`,
      [ids.wsA, ids.users.admin, ids.users.editor, ids.users.viewer, ids.wsB, ids.users.outsider],
    );
    await run("insert into profiles (user_id, display_name) values ($1, 'Admin A'), ($2, 'Outsider')", [
      ids.users.admin,
      ids.users.outsider,
    ]);
    await run("insert into accounts (id, workspace_id, platform, handle) values ($1, $2, 'x', 'fixture')", [ids.account, ids.wsA]);
    await run(
      "insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source) values ($1, $2, '2024-01-01', 10, 'api')",
      [ids.account, ids.wsA],
    );
    await run("insert into tiktok_posts (id, workspace_id, post_id, url, posted_at) values ($1, $2, '1', 'https://www.tiktok.com/@a/video/1', '2024-01-01T12:00:00Z')", [
      ids.post,
      ids.wsA,
    ]);
    await run("insert into tiktok_post_stats (post_id, workspace_id, date, views) values ($1, $2, '2024-01-01', 5)", [ids.post, ids.wsA]);
    await run("insert into tiktok_slides (post_id, workspace_id, slide_index) values ($1, $2, 0)", [ids.post, ids.wsA]);
    await run("insert into invitations (workspace_id, email, role, token_hash, expires_at) values ($1, 'x@example.test', 'viewer', 'hash', now() + interval '1 day')", [ids.wsA]);
    await run("insert into sheet_sources (workspace_id, spreadsheet_id, tab) values ($1, 'sheet', 'Posts')", [ids.wsA]);
    await run("insert into job_runs (id, workspace_id, kind, trigger) values ($1, $2, 'snapshots', 'cron')", [ids.jobRun, ids.wsA]);
    await run("insert into scraping_logs (workspace_id, job_run_id, batch_id, duration_ms, urls_processed) values ($1, $2, 'b1', 5, 1)", [
      ids.wsA,
      ids.jobRun,
    ]);
    await run("insert into audit_log (workspace_id, actor_id, action, entity) values ($1, $2, 'seed', 'workspace')", [
      ids.wsA,
      ids.users.admin,
    ]);
    await run(
      `insert into api_tokens (id, workspace_id, name, role, token_hash, revoked_at, expires_at) values
       ($1, $5, 'viewer', 'viewer', 'h1', null, null), ($2, $5, 'editor', 'editor', 'h2', null, now() + interval '1 day'),
       ($3, $5, 'revoked', 'editor', 'h3', now(), null), ($4, $5, 'expired', 'editor', 'h4', null, now() - interval '1 second')`,
      [ids.tokens.viewerToken, ids.tokens.editorToken, ids.tokens.revokedToken, ids.tokens.expiredToken, ids.wsA],
    );
    await run(
      `insert into delivery_endpoints (id, workspace_id, purpose, kind, name, target) values
       ($1, $3, 'webhook', 'webhook', 'Hook', 'https://example.org/hook'), ($2, $3, 'alert', 'slack', 'Slack', 'https://hooks.slack.com/x')`,
      [ids.webhookEndpoint, ids.alertChannel, ids.wsA],
    );
    await run(
      `insert into deliveries (workspace_id, endpoint_id, purpose, event_type, dedup_key, payload) values
       ($1, $2, 'webhook', 'webhook.test', 'k1', '{}'), ($1, $3, 'alert', 'webhook.test', 'k2', '{}')`,
      [ids.wsA, ids.webhookEndpoint, ids.alertChannel],
    );
    await run("insert into alert_rules (id, workspace_id, kind, name) values ($1, $2, 'account_failing', 'Failing')", [ids.rule, ids.wsA]);
    await run(
      "insert into alerts (workspace_id, rule_id, rule_kind, subject_type, subject_id, subject_label, link, day, title, message) values ($1, $2, 'account_failing', 'account', 'x', 'x', '/a', '2024-01-01', 't', 'm')",
      [ids.wsA, ids.rule],
    );
    await run("insert into alert_mutes (workspace_id, rule_id, until) values ($1, $2, now() + interval '1 day')", [ids.wsA, ids.rule]);
    await run("insert into tiktok_group_period_medians (workspace_id, dimension, key, period_from, period_to, median_views) values ($1, 'va', null, '2024-01-01', '2024-01-07', 5)", [
      ids.wsA,
    ]);
    await run("insert into private.user_totp (user_id, secret_ciphertext, enabled_at) values ($1, 'v1.a.b.c', now())", [ids.users.admin]);
    await run("insert into private.totp_recovery_codes (user_id, code_hash) values ($1, 'hash')", [ids.users.admin]);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const claimsOf = (persona: Persona): UserClaims | null => {
    if (persona === "anon") return null;
    if (isToken(persona)) return { sub: ids.tokens[persona], tokenId: ids.tokens[persona] };
    return { sub: ids.users[persona], email: `${persona}@example.test` };
  };

  for (const testCase of CASES) {
    for (const operation of ["select", "insert", "update", "delete"] as Operation[]) {
      it.each(PERSONAS)(`${testCase.label ?? testCase.table} · ${operation} · %s`, async (persona) => {
        const actor = persona === "anon" || isToken(persona) ? ids.stranger : ids.users[persona];
        const expected = testCase.allowed[operation].includes(persona) ? "allowed" : "refused";
        const outcome = await attempt(db, claimsOf(persona), statementFor(testCase, operation, ids, actor));
        expect(outcome).toBe(expected);
      });
    }
  }

  const ownerColumn = (table: string) => (table === "workspaces" ? "id" : table === "profiles" ? "user_id" : "workspace_id");

  it.each(["outsider", "anon", "revokedToken", "expiredToken"] as Persona[])("%s reads zero rows of workspace A in every public table", async (persona) => {
    const tables = await db.connection.runner.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual([...new Set(CASES.map((c) => c.table).filter((t) => !t.includes(".")))].sort());
    for (const { tablename } of tables) {
      const owner = tablename === "profiles" ? ids.users.admin : ids.wsA;
      const counts = await runAsUser(db.connection, claimsOf(persona), async (tx) => {
        const rows = rowsOf<{ total: number; a: number }>(
          await tx.execute(
            sql`select count(*)::int as total, count(*) filter (where ${sql.raw(ownerColumn(tablename))} = ${owner})::int as a from ${sql.raw(tablename)}`,
          ),
        );
        return { all: Number(rows[0]?.total), inA: Number(rows[0]?.a) };
      });
      expect(counts.inA, tablename).toBe(0);
      // Anonymous sessions and dead tokens see nothing at all; the outsider still sees its own workspace B.
      if (persona !== "outsider") expect(counts.all, tablename).toBe(0);
    }
  });

  it.each(PERSONAS)("private.my_two_factor_enabled() answers for the caller only (%s)", async (persona) => {
    let answer: boolean | "refused" | null = null;
    try {
      await runAsUser(db.connection, claimsOf(persona), async (tx) => {
        answer = rowsOf<{ enabled: boolean }>(await tx.execute(sql`select private.my_two_factor_enabled() as enabled`))[0]?.enabled ?? null;
      });
    } catch (error) {
      if (pgErrorCode(error) !== "42501") throw error;
      answer = "refused";
    }
    // Only the admin has a second factor on; the anonymous role may not call it at all.
    expect(answer).toBe(persona === "admin" ? true : persona === "anon" ? "refused" : false);
  });

  it.each(PERSONAS)("private.my_memberships() names a token's one workspace and role, never its creator's (%s)", async (persona) => {
    if (persona === "anon") return;
    const rows = await runAsUser(db.connection, claimsOf(persona), async (tx) =>
      rowsOf<{ workspace_id: string; role: string }>(await tx.execute(sql`select workspace_id, role from private.my_memberships()`)),
    );
    const expected: Record<Exclude<Persona, "anon">, [string, string][]> = {
      admin: [[ids.wsA, "admin"]],
      editor: [[ids.wsA, "editor"]],
      viewer: [[ids.wsA, "viewer"]],
      outsider: [[ids.wsB, "admin"]],
      viewerToken: [[ids.wsA, "viewer"]],
      editorToken: [[ids.wsA, "editor"]],
      revokedToken: [],
      expiredToken: [],
    };
    expect(rows.map((row) => [row.workspace_id, row.role])).toEqual(expected[persona]);
  });
});
