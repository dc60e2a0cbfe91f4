import { sql, type SQL } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { JOB_STATUSES } from "../domain/job-status";
import { PLATFORMS } from "../domain/platforms";
import { ROLES, type Role } from "../domain/roles";
import { HEALTH_STATUSES, POST_STATUSES, RUN_TRIGGERS, SNAPSHOT_SOURCES } from "../domain/statuses";
import { authUsers } from "./auth-schema";

export const platformEnum = pgEnum("platform", PLATFORMS);
export const memberRoleEnum = pgEnum("member_role", ROLES);
export const snapshotSourceEnum = pgEnum("snapshot_source", SNAPSHOT_SOURCES);
export const postStatusEnum = pgEnum("post_status", POST_STATUSES);
export const jobStatusEnum = pgEnum("job_status", JOB_STATUSES);
export const jobTriggerEnum = pgEnum("job_trigger", RUN_TRIGGERS);
export const healthStatusEnum = pgEnum("health_status", HEALTH_STATUSES);

// Policy predicates. Every helper lives in the unexposed `private` schema and is wrapped in
// (select ...) so Postgres evaluates it once per statement instead of once per row.
const memberOf = (column: string): SQL => sql.raw(`${column} in (select private.member_workspace_ids())`);
const roleIn = (column: string, role: Role): SQL =>
  sql.raw(`${column} in (select private.workspace_ids_with_role('${role}'))`);

/** select for `reader` and above (any member by default); insert, update and delete for `writer` and above. */
function workspacePolicies(table: string, writer: Role, reader: Role = "viewer", column = "workspace_id") {
  const select =
    reader === "viewer"
      ? pgPolicy(`${table}_select_member`, { for: "select", to: authenticatedRole, using: memberOf(column) })
      : pgPolicy(`${table}_select_${reader}`, { for: "select", to: authenticatedRole, using: roleIn(column, reader) });
  return [
    select,
    pgPolicy(`${table}_insert_${writer}`, { for: "insert", to: authenticatedRole, withCheck: roleIn(column, writer) }),
    pgPolicy(`${table}_update_${writer}`, {
      for: "update",
      to: authenticatedRole,
      using: roleIn(column, writer),
      withCheck: roleIn(column, writer),
    }),
    pgPolicy(`${table}_delete_${writer}`, { for: "delete", to: authenticatedRole, using: roleIn(column, writer) }),
  ];
}

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    timezone: text("timezone").notNull().default("UTC"),
    // HH:MM in the workspace's timezone for the daily snapshot run; null follows SNAPSHOT_LOCAL_TIME.
    snapshotTime: text("snapshot_time"),
    // Each scraped TikTok post is re-scraped daily for this many days after it was first seen.
    postRefreshDays: integer("post_refresh_days").notNull().default(90),
    // Members without a confirmed TOTP second factor are sent to enrol before they can use the workspace.
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    // Bumped at commit by any change to the workspace's accounts, snapshots, posts or runs; part of every summary cache key.
    dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("workspaces_snapshot_time_check", sql`${t.snapshotTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check("workspaces_post_refresh_days_check", sql`${t.postRefreshDays} between 0 and 3650`),
    pgPolicy("workspaces_select_member", { for: "select", to: authenticatedRole, using: memberOf("id") }),
    pgPolicy("workspaces_update_admin", {
      for: "update",
      to: authenticatedRole,
      using: roleIn("id", "admin"),
      withCheck: roleIn("id", "admin"),
    }),
  ],
).enableRLS();

export const workspaceMembers = pgTable(
  "workspace_members",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    role: memberRoleEnum("role").notNull().default("viewer"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index("workspace_members_user_idx").on(t.userId),
    pgPolicy("workspace_members_select_member", {
      for: "select",
      to: authenticatedRole,
      using: memberOf("workspace_id"),
    }),
    // No insert policy: members join only through the service path (invitation acceptance, user:create).
    pgPolicy("workspace_members_update_admin", {
      for: "update",
      to: authenticatedRole,
      using: roleIn("workspace_id", "admin"),
      withCheck: roleIn("workspace_id", "admin"),
    }),
    pgPolicy("workspace_members_delete_admin", {
      for: "delete",
      to: authenticatedRole,
      using: roleIn("workspace_id", "admin"),
    }),
  ],
).enableRLS();

export const profiles = pgTable(
  "profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    displayName: text("display_name"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  () => [
    pgPolicy("profiles_select_colleague", {
      for: "select",
      to: authenticatedRole,
      using: sql`user_id = (select auth.uid()) or user_id in (select private.colleague_user_ids())`,
    }),
    pgPolicy("profiles_insert_self", { for: "insert", to: authenticatedRole, withCheck: sql`user_id = (select auth.uid())` }),
    pgPolicy("profiles_update_self", {
      for: "update",
      to: authenticatedRole,
      using: sql`user_id = (select auth.uid())`,
      withCheck: sql`user_id = (select auth.uid())`,
    }),
  ],
).enableRLS();

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: memberRoleEnum("role").notNull(),
    // Only a SHA-256 of the single-use token is stored; the link is shown once when created.
    tokenHash: text("token_hash").notNull().unique(),
    // True when the link went only to the invitee's mailbox: opening it proves the address.
    emailed: boolean("emailed").notNull().default(false),
    invitedBy: uuid("invited_by").references(() => authUsers.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => authUsers.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invitations_workspace_idx").on(t.workspaceId, t.createdAt.desc()),
    ...workspacePolicies("invitations", "admin", "admin"),
  ],
).enableRLS();

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: memberRoleEnum("role").notNull(),
    // Only a SHA-256 of the whole token (reach_<id>_<secret>) is stored; it is shown once when created.
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: uuid("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedFrom: text("last_used_from"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("api_tokens_workspace_idx").on(t.workspaceId, t.createdAt.desc()),
    // A token acts as a viewer or an editor, never as an admin: it cannot manage members or tokens.
    check("api_tokens_role_check", sql`${t.role} in ('viewer', 'editor')`),
    check("api_tokens_name_check", sql`char_length(${t.name}) between 1 and 100`),
    ...workspacePolicies("api_tokens", "admin", "admin"),
  ],
).enableRLS();

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    platform: platformEnum("platform").notNull(),
    handle: text("handle").notNull(),
    displayName: text("display_name"),
    profileUrl: text("profile_url"),
    organization: text("organization"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    isCore: boolean("is_core").notNull().default(false),
    active: boolean("active").notNull().default(true),
    healthStatus: healthStatusEnum("health_status").notNull().default("unknown"),
    lastErrorCode: text("last_error_code"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    // Maintained from account_snapshots by a trigger so the Accounts page never scans history.
    latestSnapshotDate: date("latest_snapshot_date"),
    latestFollowers: bigint("latest_followers", { mode: "number" }),
    latestApproximate: boolean("latest_approximate"),
    followersChange7d: bigint("followers_change_7d", { mode: "number" }),
    followersChange30d: bigint("followers_change_30d", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("accounts_workspace_platform_handle_key").on(t.workspaceId, t.platform, t.handle),
    index("accounts_workspace_change_7d_idx").on(t.workspaceId, t.followersChange7d.desc().nullsLast(), t.handle),
    // Target of the composite foreign keys that pin child rows to their account's workspace.
    unique("accounts_id_workspace_key").on(t.id, t.workspaceId),
    ...workspacePolicies("accounts", "editor"),
  ],
).enableRLS();

export const accountSnapshots = pgTable(
  "account_snapshots",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid("account_id").notNull(),
    // Denormalized from the account so the policy is a cheap membership test per row.
    workspaceId: uuid("workspace_id").notNull(),
    snapshotDate: date("snapshot_date").notNull(),
    followers: bigint("followers", { mode: "number" }),
    following: bigint("following", { mode: "number" }),
    posts: bigint("posts", { mode: "number" }),
    likes: bigint("likes", { mode: "number" }),
    extra: jsonb("extra").$type<Record<string, unknown>>().notNull().default({}),
    approximate: boolean("approximate").notNull().default(false),
    source: snapshotSourceEnum("source").notNull(),
    scrapedAt: timestamp("scraped_at", { withTimezone: true }).notNull().defaultNow(),
    // Set by the database (docs/data-quality.md): kept and shown, left out of growth figures.
    suspectReason: text("suspect_reason"),
  },
  (t) => [
    unique("account_snapshots_account_date_key").on(t.accountId, t.snapshotDate),
    foreignKey({
      name: "account_snapshots_account_fk",
      columns: [t.accountId, t.workspaceId],
      foreignColumns: [accounts.id, accounts.workspaceId],
    }).onDelete("cascade"),
    index("account_snapshots_workspace_date_idx").on(t.workspaceId, t.snapshotDate),
    ...workspacePolicies("account_snapshots", "editor"),
  ],
).enableRLS();

// Followers summed over a workspace's active accounts per day, kept by triggers (migration
// 20261203100810): each account counts its latest reading of the day or the two days before.
export const workspaceFollowerDays = pgTable(
  "workspace_follower_days",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    followers: bigint("followers", { mode: "number" }).notNull(),
    accounts: integer("accounts").notNull(),
    approximate: boolean("approximate").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.date] }),
    pgPolicy("workspace_follower_days_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

export const tiktokPosts = pgTable(
  "tiktok_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    postId: text("post_id").notNull(),
    url: text("url").notNull(),
    creator: text("creator"),
    setId: text("set_id"),
    va: text("va"),
    postType: text("post_type"),
    sheetSource: text("sheet_source"),
    sheetRow: integer("sheet_row"),
    /** The URL cells of its sheet that name this post (a short link and its full URL are one post); write-back finds rows by them. */
    sheetUrls: text("sheet_urls").array().notNull().default(sql`'{}'::text[]`),
    status: postStatusEnum("status").notNull().default("pending"),
    caption: text("caption"),
    hashtags: text("hashtags").array().notNull().default(sql`'{}'::text[]`),
    mentions: text("mentions").array().notNull().default(sql`'{}'::text[]`),
    musicId: text("music_id"),
    musicTitle: text("music_title"),
    musicAuthor: text("music_author"),
    durationSeconds: doublePrecision("duration_seconds"),
    postedAt: timestamp("posted_at", { withTimezone: true }),
    isSlideshow: boolean("is_slideshow"),
    slideCount: integer("slide_count"),
    authorId: text("author_id"),
    authorUniqueId: text("author_unique_id"),
    authorNickname: text("author_nickname"),
    authorFollowers: bigint("author_followers", { mode: "number" }),
    views: bigint("views", { mode: "number" }),
    likes: bigint("likes", { mode: "number" }),
    comments: bigint("comments", { mode: "number" }),
    shares: bigint("shares", { mode: "number" }),
    saves: bigint("saves", { mode: "number" }),
    firstScrapedAt: timestamp("first_scraped_at", { withTimezone: true }),
    lastScrapedAt: timestamp("last_scraped_at", { withTimezone: true }),
    lastErrorCode: text("last_error_code"),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    // Final failures in a row (reset by a success): a post that keeps failing shows on the Jobs and Posts pages.
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    // Null when views are unknown or zero, or any interaction is not reported (never a guess).
    engagementRate: doublePrecision("engagement_rate").generatedAlwaysAs(
      sql`case when views > 0 and likes is not null and comments is not null and shares is not null and saves is not null
        then (likes + comments + shares + saves)::double precision / views end`,
    ),
    // Kept by triggers on tiktok_post_stats (migration 20261202100001): the latest stats day and the
    // views gained over the one and seven days before it, so the explorer can sort on them.
    statsDate: date("stats_date"),
    viewsGained1d: bigint("views_gained_1d", { mode: "number" }),
    viewsGained7d: bigint("views_gained_7d", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("tiktok_posts_workspace_post_key").on(t.workspaceId, t.postId),
    unique("tiktok_posts_id_workspace_key").on(t.id, t.workspaceId),
    index("tiktok_posts_va_idx").on(t.workspaceId, t.va),
    index("tiktok_posts_creator_idx").on(t.workspaceId, t.creator),
    index("tiktok_posts_set_idx").on(t.workspaceId, t.setId),
    index("tiktok_posts_posted_at_idx").on(t.workspaceId, t.postedAt.desc()),
    index("tiktok_posts_status_idx").on(t.workspaceId, t.status),
    // The Overview's figures of today: posts added, failures, the day's gains and the week's top posts.
    index("tiktok_posts_created_idx").on(t.workspaceId, t.createdAt),
    index("tiktok_posts_last_error_idx").on(t.workspaceId, t.lastErrorAt),
    // The explorer's sorts on a gain, fresh only from yesterday's stats day on: one ordered walk per stats day, merged.
    index("tiktok_posts_explore_gained_1d_idx").on(t.workspaceId, t.statsDate, t.viewsGained1d.desc(), t.id.desc()),
    index("tiktok_posts_explore_gained_7d_idx").on(t.workspaceId, t.statsDate, t.viewsGained7d.desc(), t.id.desc()),
    index("tiktok_posts_gained_7d_idx").on(t.workspaceId, t.viewsGained7d.desc(), t.id),
    // The Overview's five latest failures: a probe, not a sort of every failed post.
    index("tiktok_posts_failed_idx").on(t.workspaceId, t.lastErrorAt.desc().nullsLast(), t.id).where(sql`status = 'failed'`),
    // Keyset paging for the posts explorer: nulls sort as the smallest value, so (key, id) is never null.
    index("tiktok_posts_explore_posted_idx").on(t.workspaceId, sql`coalesce(${t.postedAt}, '-infinity'::timestamptz) desc`, t.id.desc()),
    index("tiktok_posts_explore_views_idx").on(t.workspaceId, sql`coalesce(${t.views}, -1) desc`, t.id.desc()),
    index("tiktok_posts_explore_likes_idx").on(t.workspaceId, sql`coalesce(${t.likes}, -1) desc`, t.id.desc()),
    index("tiktok_posts_explore_engagement_idx").on(t.workspaceId, sql`coalesce(${t.engagementRate}, -1) desc`, t.id.desc()),
    ...workspacePolicies("tiktok_posts", "editor"),
  ],
).enableRLS();

export const tiktokPostStats = pgTable(
  "tiktok_post_stats",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    postId: uuid("post_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    date: date("date").notNull(),
    views: bigint("views", { mode: "number" }),
    likes: bigint("likes", { mode: "number" }),
    comments: bigint("comments", { mode: "number" }),
    shares: bigint("shares", { mode: "number" }),
    saves: bigint("saves", { mode: "number" }),
  },
  (t) => [
    unique("tiktok_post_stats_post_date_key").on(t.postId, t.date),
    // Leaderboards read a workspace's stats for a range of days.
    index("tiktok_post_stats_workspace_date_idx").on(t.workspaceId, t.date),
    foreignKey({
      name: "tiktok_post_stats_post_fk",
      columns: [t.postId, t.workspaceId],
      foreignColumns: [tiktokPosts.id, tiktokPosts.workspaceId],
    }).onDelete("cascade"),
    ...workspacePolicies("tiktok_post_stats", "editor"),
  ],
).enableRLS();

// Views gained per post and stats day, kept by triggers (migration 20261204100010) with the rule the
// leaderboards and trends count: the day's views less the previous stats day's, at most a week before.
export const tiktokPostViewGains = pgTable(
  "tiktok_post_view_gains",
  {
    postId: uuid("post_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    date: date("date").notNull(),
    gained: bigint("gained", { mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.date] }),
    foreignKey({
      name: "tiktok_post_view_gains_post_fk",
      columns: [t.postId, t.workspaceId],
      foreignColumns: [tiktokPosts.id, tiktokPosts.workspaceId],
    }).onDelete("cascade"),
    pgPolicy("tiktok_post_view_gains_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

// The same gains summed per workspace, day and group (dimension va, creator, set or type, whose key is
// is_slideshow as text); readings counts the stats days summed, so a day with readings but no gain is known.
export const tiktokGroupViewGains = pgTable(
  "tiktok_group_view_gains",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    key: text("key"),
    date: date("date").notNull(),
    gained: bigint("gained", { mode: "number" }).notNull(),
    readings: integer("readings").notNull(),
  },
  (t) => [
    unique("tiktok_group_view_gains_key").on(t.workspaceId, t.dimension, t.date, t.key).nullsNotDistinct(),
    check("tiktok_group_view_gains_dimension_check", sql`${t.dimension} in ('va', 'creator', 'set', 'type')`),
    pgPolicy("tiktok_group_view_gains_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

// A week's (Monday to Sunday, `week` its Monday) daily gains per group in one row, kept from
// tiktok_group_view_gains by triggers (migration 20261206100050): the leaderboards' sparklines read
// a period's whole weeks here, seven days a row, and only the days at its ends from the day rows.
export const tiktokGroupViewGainWeeks = pgTable(
  "tiktok_group_view_gain_weeks",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    key: text("key"),
    week: date("week").notNull(),
    gained: bigint("gained", { mode: "number" }).notNull(),
    /** Monday to Sunday, 0 on a day without readings. */
    daily: bigint("daily", { mode: "number" }).array().notNull(),
  },
  (t) => [
    unique("tiktok_group_view_gain_weeks_key").on(t.workspaceId, t.dimension, t.week, t.key).nullsNotDistinct(),
    check("tiktok_group_view_gain_weeks_dimension_check", sql`${t.dimension} in ('va', 'creator', 'set', 'type')`),
    check("tiktok_group_view_gain_weeks_monday", sql`extract(isodow from ${t.week}) = 1`),
    pgPolicy("tiktok_group_view_gain_weeks_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

// The posts posted on each day (in the workspace's timezone) summed per group (dimension va, creator,
// set, type or slides), kept by triggers on tiktok_posts (migration 20261205100010): counts, sums,
// every reported views value (sorted, for exact medians) and the top post by views.
export const tiktokGroupPostedDays = pgTable(
  "tiktok_group_posted_days",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    key: text("key"),
    date: date("date").notNull(),
    posts: integer("posts").notNull(),
    slideshows: integer("slideshows").notNull(),
    videos: integer("videos").notNull(),
    views: bigint("views", { mode: "number" }).notNull(),
    viewList: bigint("view_list", { mode: "number" }).array().notNull(),
    engagementSum: doublePrecision("engagement_sum").notNull(),
    engagementPosts: integer("engagement_posts").notNull(),
    topId: uuid("top_id"),
    topViews: bigint("top_views", { mode: "number" }),
  },
  (t) => [
    unique("tiktok_group_posted_days_key").on(t.workspaceId, t.dimension, t.date, t.key).nullsNotDistinct(),
    // A group's days in order: the weeks' recompute (migration 20261206100020) and the leaderboards' edge days.
    index("tiktok_group_posted_days_group_idx").on(t.workspaceId, t.dimension, t.key, t.date),
    check("tiktok_group_posted_days_dimension_check", sql`${t.dimension} in ('va', 'creator', 'set', 'type', 'slides')`),
    pgPolicy("tiktok_group_posted_days_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

// The same sums per week (Monday to Sunday, `week` its Monday) for the leaderboards' groups (va,
// creator, set), kept from tiktok_group_posted_days by
// triggers (migration 20261206100020): a long period reads its whole weeks here and only the days at
// its ends from the day rows, five times fewer rows by set over 90 days.
export const tiktokGroupPostedWeeks = pgTable(
  "tiktok_group_posted_weeks",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    key: text("key"),
    week: date("week").notNull(),
    posts: integer("posts").notNull(),
    slideshows: integer("slideshows").notNull(),
    videos: integer("videos").notNull(),
    views: bigint("views", { mode: "number" }).notNull(),
    viewList: bigint("view_list", { mode: "number" }).array().notNull(),
    engagementSum: doublePrecision("engagement_sum").notNull(),
    engagementPosts: integer("engagement_posts").notNull(),
    topId: uuid("top_id"),
    topViews: bigint("top_views", { mode: "number" }),
  },
  (t) => [
    unique("tiktok_group_posted_weeks_key").on(t.workspaceId, t.dimension, t.week, t.key).nullsNotDistinct(),
    check("tiktok_group_posted_weeks_dimension_check", sql`${t.dimension} in ('va', 'creator', 'set')`),
    check("tiktok_group_posted_weeks_monday", sql`extract(isodow from ${t.week}) = 1`),
    pgPolicy("tiktok_group_posted_weeks_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

// Exact median views per group over the preset periods ending on a day (7, 30 and 90 days), filled
// after each run (migration 20261207100000) for the leaderboards' and the trends' groups. A row is
// deleted in the same transaction as any change to a day it covers, so a row present is current.
export const tiktokGroupPeriodMedians = pgTable(
  "tiktok_group_period_medians",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    key: text("key"),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    medianViews: doublePrecision("median_views"),
  },
  (t) => [
    unique("tiktok_group_period_medians_key").on(t.workspaceId, t.dimension, t.key, t.periodFrom, t.periodTo).nullsNotDistinct(),
    check("tiktok_group_period_medians_dimension_check", sql`${t.dimension} in ('va', 'creator', 'set', 'type', 'slides')`),
    check("tiktok_group_period_medians_period_check", sql`${t.periodFrom} <= ${t.periodTo}`),
    pgPolicy("tiktok_group_period_medians_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

// The workspace's posts counted by status and latest stats day, with the sum of their 24-hour gains,
// kept by triggers on tiktok_posts (migration 20261205100030): the Overview's post counts and the
// day's gain without reading every post.
export const tiktokPostCounts = pgTable(
  "tiktok_post_counts",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    status: postStatusEnum("status").notNull(),
    statsDate: date("stats_date"),
    posts: integer("posts").notNull(),
    gained1d: bigint("gained_1d", { mode: "number" }).notNull(),
  },
  (t) => [
    unique("tiktok_post_counts_key").on(t.workspaceId, t.status, t.statsDate).nullsNotDistinct(),
    pgPolicy("tiktok_post_counts_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
  ],
).enableRLS();

export const tiktokSlides = pgTable(
  "tiktok_slides",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    postId: uuid("post_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    slideIndex: integer("slide_index").notNull(),
    storagePath: text("storage_path"),
    width: integer("width"),
    height: integer("height"),
    bytes: integer("bytes"),
    sha256: text("sha256"),
    contentType: text("content_type"),
    sourceUrl: text("source_url"),
    // Every CDN mirror from the last scrape, byte for byte (the signatures must not be re-encoded).
    sourceUrls: text("source_urls").array().notNull().default(sql`'{}'::text[]`),
    downloadedAt: timestamp("downloaded_at", { withTimezone: true }),
    // Set when every mirror failed even after re-resolving the post; the post itself is not failed.
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastErrorCode: text("last_error_code"),
  },
  (t) => [
    unique("tiktok_slides_post_index_key").on(t.postId, t.slideIndex),
    foreignKey({
      name: "tiktok_slides_post_fk",
      columns: [t.postId, t.workspaceId],
      foreignColumns: [tiktokPosts.id, tiktokPosts.workspaceId],
    }).onDelete("cascade"),
    ...workspacePolicies("tiktok_slides", "editor"),
  ],
).enableRLS();

export const sheetSources = pgTable(
  "sheet_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    spreadsheetId: text("spreadsheet_id").notNull(),
    tab: text("tab").notNull(),
    // The tab's sheetId (the #gid of its links), so a link can open the sheet at a post's row.
    tabGid: integer("tab_gid"),
    headerMapping: jsonb("header_mapping").$type<Record<string, string>>().notNull().default({}),
    statusValues: jsonb("status_values").$type<Record<string, string>>().notNull().default({}),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    // A display name (the spreadsheet's title unless an admin renames it) and row 1 as last read.
    name: text("name"),
    headers: jsonb("headers").$type<string[]>().notNull().default([]),
    // The service account the sheet was shared with when it was connected, for the "share with" hint.
    serviceAccountEmail: text("service_account_email"),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("sheet_sources_workspace_sheet_tab_key").on(t.workspaceId, t.spreadsheetId, t.tab),
    ...workspacePolicies("sheet_sources", "admin"),
  ],
).enableRLS();

export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    status: jobStatusEnum("status").notNull().default("queued"),
    trigger: jobTriggerEnum("trigger").notNull(),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total"),
    counters: jsonb("counters").$type<Record<string, number>>().notNull().default({}),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    error: text("error"),
    engineRunId: text("engine_run_id"),
    triggeredBy: uuid("triggered_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("job_runs_workspace_created_idx").on(t.workspaceId, t.createdAt.desc()),
    // Target of the composite foreign key that pins a run's logs to the run's workspace.
    unique("job_runs_id_workspace_key").on(t.id, t.workspaceId),
    // One active run per workspace and kind, even when two requests race past the service's check.
    uniqueIndex("job_runs_one_active_idx").on(t.workspaceId, t.kind).where(sql`status in ('queued', 'running')`),
    index("job_runs_status_idx").on(t.status),
    ...workspacePolicies("job_runs", "editor"),
  ],
).enableRLS();

export const scrapingLogs = pgTable(
  "scraping_logs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    jobRunId: uuid("job_run_id"),
    batchId: text("batch_id").notNull(),
    durationMs: integer("duration_ms").notNull(),
    urlsProcessed: integer("urls_processed").notNull(),
    successRate: doublePrecision("success_rate"),
    errors: jsonb("errors").$type<Record<string, number>>().notNull().default({}),
    // Null on rows logged before platforms were recorded.
    platform: platformEnum("platform"),
    scrapeMs: integer("scrape_ms").array().notNull().default(sql`'{}'::integer[]`),
    createdAt: createdAt(),
  },
  (t) => [
    unique("scraping_logs_run_batch_key").on(t.jobRunId, t.batchId),
    // A log belongs to its run's workspace; a member cannot attach one to (or probe for) another's run.
    foreignKey({
      name: "scraping_logs_run_fk",
      columns: [t.jobRunId, t.workspaceId],
      foreignColumns: [jobRuns.id, jobRuns.workspaceId],
    }).onDelete("cascade"),
    index("scraping_logs_workspace_created_idx").on(t.workspaceId, t.createdAt.desc()),
    ...workspacePolicies("scraping_logs", "editor"),
  ],
).enableRLS();

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => authUsers.id, { onDelete: "set null" }),
    // Set when an API token acted (actor_id is then null): the claims name it (private.current_token_id()).
    actorTokenId: uuid("actor_token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_workspace_at_idx").on(t.workspaceId, t.at.desc()),
    pgPolicy("audit_log_select_admin", { for: "select", to: authenticatedRole, using: roleIn("workspace_id", "admin") }),
    // Append-only and written by the service path alone: no authenticated role inserts, updates or deletes.
  ],
).enableRLS();


// Outgoing webhooks are admins' alone; alert channels are managed by editors too (docs/webhooks.md, docs/alerts.md).
const endpointManagers = (purpose: string) =>
  sql.raw(`workspace_id in (select private.workspace_ids_with_role('admin')) or (${purpose} = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor')))`);

export const deliveryEndpoints = pgTable(
  "delivery_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    // A URL (webhook, Slack) or an email address.
    target: text("target").notNull(),
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    // The whsec_ signing secret, sealed (AES-256-GCM); shown to the admin once, when created.
    secretSealed: text("secret_sealed"),
    digest: boolean("digest").notNull().default(false),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdBy: uuid("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("delivery_endpoints_workspace_idx").on(t.workspaceId, t.purpose),
    unique("delivery_endpoints_id_workspace_key").on(t.id, t.workspaceId),
    check("delivery_endpoints_purpose_check", sql`${t.purpose} in ('webhook', 'alert')`),
    check("delivery_endpoints_kind_check", sql`${t.kind} in ('webhook', 'slack', 'email') and (${t.purpose} = 'alert' or ${t.kind} = 'webhook')`),
    pgPolicy("delivery_endpoints_select_manager", { for: "select", to: authenticatedRole, using: endpointManagers("purpose") }),
    pgPolicy("delivery_endpoints_insert_manager", { for: "insert", to: authenticatedRole, withCheck: endpointManagers("purpose") }),
    pgPolicy("delivery_endpoints_update_manager", { for: "update", to: authenticatedRole, using: endpointManagers("purpose"), withCheck: endpointManagers("purpose") }),
    pgPolicy("delivery_endpoints_delete_manager", { for: "delete", to: authenticatedRole, using: endpointManagers("purpose") }),
  ],
).enableRLS();

export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    endpointId: uuid("endpoint_id").notNull(),
    // Copied from the endpoint so the policy needs no join.
    purpose: text("purpose").notNull(),
    eventType: text("event_type").notNull(),
    // One delivery per endpoint and message ("alert:<id>", "digest:<day>", "run:<id>"): sending twice changes nothing.
    dedupKey: text("dedup_key").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    createdAt: createdAt(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    unique("deliveries_endpoint_dedup_key").on(t.endpointId, t.dedupKey),
    foreignKey({ name: "deliveries_endpoint_fk", columns: [t.endpointId, t.workspaceId], foreignColumns: [deliveryEndpoints.id, deliveryEndpoints.workspaceId] }).onDelete("cascade"),
    index("deliveries_workspace_created_idx").on(t.workspaceId, t.createdAt.desc()),
    index("deliveries_pending_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    check("deliveries_status_check", sql`${t.status} in ('pending', 'succeeded', 'failed')`),
    pgPolicy("deliveries_select_manager", { for: "select", to: authenticatedRole, using: endpointManagers("purpose") }),
    // A test event is queued by the person who pressed the button; attempts are recorded by the service path alone.
    pgPolicy("deliveries_insert_manager", { for: "insert", to: authenticatedRole, withCheck: endpointManagers("purpose") }),
  ],
).enableRLS();

export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    // Alert channels (delivery_endpoints of purpose 'alert') this rule notifies.
    endpointIds: uuid("endpoint_ids").array().notNull().default(sql`'{}'::uuid[]`),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: uuid("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("alert_rules_workspace_idx").on(t.workspaceId),
    unique("alert_rules_id_workspace_key").on(t.id, t.workspaceId),
    ...workspacePolicies("alert_rules", "editor"),
  ],
).enableRLS();

export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    ruleId: uuid("rule_id").notNull(),
    ruleKind: text("rule_kind").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    subjectLabel: text("subject_label").notNull(),
    // Path inside the app (/<workspace>/accounts/<id>), made absolute with the app's URL when sent.
    link: text("link").notNull(),
    day: date("day").notNull(),
    title: text("title").notNull(),
    message: text("message").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    // The dedup window: one alert per subject, rule and day, however often the rules are evaluated.
    unique("alerts_rule_subject_day_key").on(t.ruleId, t.subjectType, t.subjectId, t.day),
    foreignKey({ name: "alerts_rule_fk", columns: [t.ruleId, t.workspaceId], foreignColumns: [alertRules.id, alertRules.workspaceId] }).onDelete("cascade"),
    index("alerts_workspace_created_idx").on(t.workspaceId, t.createdAt.desc()),
    pgPolicy("alerts_select_member", { for: "select", to: authenticatedRole, using: memberOf("workspace_id") }),
    // History is written by the evaluation job (service path) alone.
  ],
).enableRLS();

export const alertMutes = pgTable(
  "alert_mutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    ruleId: uuid("rule_id").notNull(),
    // Both null: the whole rule is muted.
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    until: timestamp("until", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: "alert_mutes_rule_fk", columns: [t.ruleId, t.workspaceId], foreignColumns: [alertRules.id, alertRules.workspaceId] }).onDelete("cascade"),
    index("alert_mutes_rule_idx").on(t.ruleId, t.until),
    ...workspacePolicies("alert_mutes", "editor"),
  ],
).enableRLS();
