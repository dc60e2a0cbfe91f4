import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { changeMemberRoleSchema } from "@/lib/services/members/change-member-role";
import { createInvitationSchema } from "@/lib/services/invitations/create-invitation";
import { pageQuerySchema } from "../cursor";
import { defineOperation } from "../operation";
import { iso, withWorkspace, workspaceParams } from "./common";

const userId = "3c2d1e0f-7a6b-4c5d-9e8f-1a2b3c4d5e6f";
const memberParams = withWorkspace({ userId: z.uuid() });
const role = z.enum(ROLES);

export const memberSchema = z.object({ userId: z.uuid(), role, displayName: z.string().nullable(), joinedAt: iso }).meta({ id: "Member" });
const invitationSchema = z.object({ id: z.uuid(), email: z.string(), role, expiresAt: iso, createdAt: iso }).meta({ id: "Invitation" });

export const listMembers = defineOperation({
  id: "listMembers",
  method: "GET",
  path: "/workspaces/{workspace}/members",
  tag: "Members",
  summary: "The workspace's members, by role then name",
  role: "viewer",
  params: workspaceParams,
  query: pageQuerySchema,
  data: memberSchema,
  list: true,
  examples: { response: { data: [{ userId, role: "admin", displayName: "Ada", joinedAt: "2026-10-01T09:00:00.000Z" }], meta: { next_cursor: null } } },
});

export const changeMemberRole = defineOperation({
  id: "changeMemberRole",
  method: "PATCH",
  path: "/workspaces/{workspace}/members/{userId}",
  tag: "Members",
  summary: "Change a member's role (admins); the last admin cannot step down",
  role: "admin",
  params: memberParams,
  body: changeMemberRoleSchema,
  data: z.object({ userId: z.uuid(), role }),
  errors: ["conflict"],
  examples: { body: { role: "editor" }, response: { data: { userId, role: "editor" }, meta: {} } },
});

export const removeMember = defineOperation({
  id: "removeMember",
  method: "DELETE",
  path: "/workspaces/{workspace}/members/{userId}",
  tag: "Members",
  summary: "Remove a member (admins)",
  role: "admin",
  params: memberParams,
  errors: ["conflict"],
  examples: {},
});

export const endMemberSessions = defineOperation({
  id: "endMemberSessions",
  method: "DELETE",
  path: "/workspaces/{workspace}/members/{userId}/sessions",
  tag: "Members",
  summary: "Sign a member out on every device (admins)",
  role: "admin",
  params: memberParams,
  examples: {},
});

export const issueResetLink = defineOperation({
  id: "issueResetLink",
  method: "POST",
  path: "/workspaces/{workspace}/members/{userId}/reset-link",
  tag: "Members",
  summary: "A one-time password reset link to hand to a member (admins; embedded mode without SMTP only)",
  role: "admin",
  params: memberParams,
  data: z.object({ link: z.url(), expiresAt: iso }),
  status: 201,
  errors: ["conflict"],
  examples: { response: { data: { link: "https://reach.example/reset-password/…", expiresAt: "2026-12-03T10:00:00.000Z" }, meta: {} } },
});

export const listInvitations = defineOperation({
  id: "listInvitations",
  method: "GET",
  path: "/workspaces/{workspace}/invitations",
  tag: "Members",
  summary: "Pending invitations, newest first (admins)",
  role: "admin",
  params: workspaceParams,
  query: pageQuerySchema,
  data: invitationSchema,
  list: true,
  examples: { response: { data: [], meta: { next_cursor: null } } },
});

export const createInvitation = defineOperation({
  id: "createInvitation",
  method: "POST",
  path: "/workspaces/{workspace}/invitations",
  tag: "Members",
  summary: "Invite someone by email (admins); without SMTP the answer carries the link to pass on",
  role: "admin",
  params: workspaceParams,
  body: createInvitationSchema,
  data: invitationSchema.omit({ createdAt: true }).extend({ emailed: z.boolean(), link: z.url().optional() }),
  status: 201,
  errors: ["conflict", "unavailable"],
  examples: {
    body: { email: "grace@example.com", role: "viewer" },
    response: { data: { id: "7e6d5c4b-3a29-4f18-8e07-d6c5b4a39281", email: "grace@example.com", role: "viewer", expiresAt: "2026-12-05T09:00:00.000Z", emailed: true }, meta: {} },
  },
});

export const revokeInvitation = defineOperation({
  id: "revokeInvitation",
  method: "DELETE",
  path: "/workspaces/{workspace}/invitations/{invitationId}",
  tag: "Members",
  summary: "Withdraw a pending invitation (admins)",
  role: "admin",
  params: withWorkspace({ invitationId: z.uuid() }),
  examples: {},
});

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: iso,
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorTokenId: z.uuid().nullable().meta({ description: "Set when an API token acted; actorId is then null." }),
    actorTokenName: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

export const listAuditLog = defineOperation({
  id: "listAuditLog",
  method: "GET",
  path: "/workspaces/{workspace}/audit-log",
  tag: "Workspaces",
  summary: "The audit log, newest first (admins)",
  role: "admin",
  params: workspaceParams,
  query: pageQuerySchema,
  data: auditEntrySchema,
  list: true,
  examples: { response: { data: [{ id: 41, at: "2026-12-01T09:00:00.000Z", action: "account.created", entity: "account", entityId: "0b9d6c7e-3f9a-4a57-8d0e-5c8f2b1a9e44", details: {}, actorId: userId, actorName: "Ada", actorTokenId: null, actorTokenName: null }], meta: { next_cursor: null } } },
});
