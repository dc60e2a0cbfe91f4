import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { updateWorkspaceSchema } from "@/lib/services/workspaces/update-workspace";
import { defineOperation } from "../operation";
import { workspaceParams } from "./common";

export const workspaceSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    timezone: z.string(),
    snapshotTime: z.string().nullable(),
    requireTwoFactor: z.boolean(),
    role: z.enum(ROLES).meta({ description: "The caller's role here: a token's own role for an API token." }),
  })
  .meta({ id: "Workspace" });

const example = { id: "6f1c0a56-5d0e-4b7e-9b51-0d3b0c1f2a10", slug: "demo", name: "Demo", timezone: "Europe/Paris", snapshotTime: "06:00", requireTwoFactor: false, role: "viewer" };

export const getWorkspace = defineOperation({
  id: "getWorkspace",
  method: "GET",
  path: "/workspaces/{workspace}",
  tag: "Workspaces",
  summary: "The workspace and the caller's role in it",
  role: "viewer",
  params: workspaceParams,
  data: workspaceSchema,
  examples: { response: { data: example, meta: {} } },
});

export const updateWorkspace = defineOperation({
  id: "updateWorkspace",
  method: "PATCH",
  path: "/workspaces/{workspace}",
  tag: "Workspaces",
  summary: "Change the workspace's name, timezone, snapshot time or two-factor requirement (admins)",
  role: "admin",
  params: workspaceParams,
  body: updateWorkspaceSchema,
  data: workspaceSchema.omit({ role: true }),
  examples: { body: { timezone: "Europe/Paris" }, response: { data: { ...example, role: undefined }, meta: {} } },
});

export const deleteWorkspaceBody = z.object({ confirmSlug: z.string() });

export const deleteWorkspace = defineOperation({
  id: "deleteWorkspace",
  method: "DELETE",
  path: "/workspaces/{workspace}",
  tag: "Workspaces",
  summary: "Delete the workspace, its rows and its stored slides (admins; the body repeats the slug)",
  role: "admin",
  params: workspaceParams,
  body: deleteWorkspaceBody,
  examples: { body: { confirmSlug: "demo" } },
});
