import { z } from "zod";
import { API_TOKEN_ROLES, createApiTokenSchema } from "@/lib/services/api-tokens/create-api-token";
import { pageQuerySchema } from "../cursor";
import { defineOperation } from "../operation";
import { iso, withWorkspace, workspaceParams } from "./common";

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: z.enum(API_TOKEN_ROLES),
    createdBy: z.uuid().nullable(),
    createdAt: iso,
    expiresAt: iso.nullable(),
    lastUsedAt: iso.nullable(),
    lastUsedFrom: z.string().nullable().meta({ description: "The caller's address, when a trusted proxy names it (TRUSTED_PROXY_HOPS)." }),
    revokedAt: iso.nullable(),
  })
  .meta({ id: "ApiToken" });

const example = {
  id: "2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f",
  name: "Looker Studio",
  role: "viewer",
  createdBy: "3c2d1e0f-7a6b-4c5d-9e8f-1a2b3c4d5e6f",
  createdAt: "2026-12-01T09:00:00.000Z",
  expiresAt: null,
  lastUsedAt: null,
  lastUsedFrom: null,
  revokedAt: null,
};

export const listApiTokens = defineOperation({
  id: "listApiTokens",
  method: "GET",
  path: "/workspaces/{workspace}/api-tokens",
  tag: "API tokens",
  summary: "The workspace's API tokens, newest first, revoked ones included (admins)",
  role: "admin",
  params: workspaceParams,
  query: pageQuerySchema,
  data: apiTokenSchema,
  list: true,
  examples: { response: { data: [example], meta: { next_cursor: null } } },
});

export const createApiToken = defineOperation({
  id: "createApiToken",
  method: "POST",
  path: "/workspaces/{workspace}/api-tokens",
  tag: "API tokens",
  summary: "Create an API token (admins); the answer holds the token, the only time it is shown",
  role: "admin",
  params: workspaceParams,
  body: createApiTokenSchema,
  data: apiTokenSchema.extend({ token: z.string().meta({ description: "reach_<id>_<secret>: send it as `Authorization: Bearer <token>`." }) }),
  status: 201,
  examples: { body: { name: "Looker Studio", role: "viewer", expiresInDays: 90 }, response: { data: { ...example, token: "reach_2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f_…" }, meta: {} } },
});

export const revokeApiToken = defineOperation({
  id: "revokeApiToken",
  method: "DELETE",
  path: "/workspaces/{workspace}/api-tokens/{tokenId}",
  tag: "API tokens",
  summary: "Revoke an API token (admins); it answers 401 from the next request on",
  role: "admin",
  params: withWorkspace({ tokenId: z.uuid() }),
  examples: {},
});
