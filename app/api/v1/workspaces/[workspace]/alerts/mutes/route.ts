import { NextResponse } from "next/server";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { muteAlerts, muteSchema } from "@/lib/services/alerts/mute-alerts";

/** POST /api/v1/workspaces/:workspace/alerts/mutes — mute a rule, or one subject of it ({ ruleId, subjectType?, subjectId?, duration: "day" | "week" }). */
export const POST = workspaceRoute({ role: "editor", body: muteSchema }, async ({ tx, workspace, claims, body }) =>
  NextResponse.json({ data: await muteAlerts(tx, { workspaceId: workspace.id, createdBy: claims.sub, mute: body, now: new Date() }) }, { status: 201 }),
);
