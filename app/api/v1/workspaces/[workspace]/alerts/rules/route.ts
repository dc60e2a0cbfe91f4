import { NextResponse } from "next/server";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { createAlertRule } from "@/lib/services/alerts/create-alert-rule";
import { listAlertRules } from "@/lib/services/alerts/list-alert-rules";
import { createRuleSchema } from "@/lib/services/alerts/rule-input";

/** GET /api/v1/workspaces/:workspace/alerts/rules — the workspace's alert rules (editors and admins). */
export const GET = workspaceRoute({ role: "editor" }, async ({ tx, workspace }) => ({ data: await listAlertRules(tx, { workspaceId: workspace.id }) }));

/** POST — add a rule ({ kind, name, params, endpointIds }); params are checked against the kind (docs/alerts.md). */
export const POST = workspaceRoute({ role: "editor", body: createRuleSchema }, async ({ tx, workspace, claims, body }) =>
  NextResponse.json({ data: await createAlertRule(tx, { workspaceId: workspace.id, createdBy: claims.sub, rule: body }) }, { status: 201 }),
);
