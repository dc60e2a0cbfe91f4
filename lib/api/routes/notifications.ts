import { z } from "zod";
import { ALERT_RULE_KINDS, ALERT_SUBJECT_TYPES, DELIVERY_STATUSES, ENDPOINT_KINDS, ENDPOINT_PURPOSES, WEBHOOK_EVENT_TYPES, type EndpointPurpose } from "@/lib/domain/notifications";
import type { ErrorCode } from "@/lib/errors";
import { muteSchema } from "@/lib/services/alerts/mute-alerts";
import { createRuleSchema, updateRuleSchema } from "@/lib/services/alerts/rule-input";
import { createEndpointSchema, updateEndpointSchema } from "@/lib/services/deliveries/endpoint-input";
import { pageQuerySchema } from "../cursor";
import { defineOperation } from "../operation";
import { iso, isoDate, withWorkspace, workspaceParams } from "./common";

// What lib/services/deliveries and lib/services/alerts answer, field for field (docs/webhooks.md, docs/alerts.md).
const endpointSchema = z
  .object({
    id: z.uuid(),
    purpose: z.enum(ENDPOINT_PURPOSES),
    kind: z.enum(ENDPOINT_KINDS),
    name: z.string(),
    target: z.string().meta({ description: "A Slack URL's last segment is masked; a webhook's signing secret is never read back." }),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).meta({ description: "Empty for alert channels." }),
    digest: z.boolean(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    createdAt: iso,
  })
  .meta({ id: "DeliveryEndpoint" });
const createdEndpointSchema = endpointSchema
  .extend({ secret: z.string().nullable().meta({ description: "The whsec_ signing secret of a webhook-kind endpoint, shown in this answer only; null for Slack and email." }) })
  .meta({ id: "CreatedDeliveryEndpoint" });
const deliverySchema = z
  .object({
    id: z.uuid(),
    endpointId: z.uuid(),
    endpointName: z.string(),
    eventType: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: iso.nullable(),
    createdAt: iso,
    deliveredAt: iso.nullable(),
  })
  .meta({ id: "Delivery" });
const alertSchema = z
  .object({
    id: z.uuid(),
    ruleId: z.uuid(),
    ruleName: z.string(),
    ruleKind: z.enum(ALERT_RULE_KINDS),
    subjectType: z.enum(ALERT_SUBJECT_TYPES),
    subjectId: z.string(),
    subjectLabel: z.string(),
    link: z.string(),
    day: isoDate,
    title: z.string(),
    message: z.string(),
    createdAt: iso,
  })
  .meta({ id: "Alert" });
const ruleSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ALERT_RULE_KINDS),
    name: z.string(),
    params: z.record(z.string(), z.unknown()).meta({ description: "The kind's parameters, defaults filled in (docs/alerts.md)." }),
    endpointIds: z.array(z.uuid()),
    enabled: z.boolean(),
    createdAt: iso,
  })
  .meta({ id: "AlertRule" });
const muteResultSchema = z.object({ id: z.uuid(), until: iso });
const endpointParams = withWorkspace({ endpointId: z.uuid() });
const deliveriesQuery = pageQuerySchema.extend({ endpointId: z.uuid().optional() });
const targetErrors: ErrorCode[] = ["conflict", "unavailable"];
// Shaped like a real signing secret so clients can test their parsing; plainly not one.
const FAKE_SECRET = "whsec_EXAMPLEonlyNOTaREALsecretEXAMPLE0";
const rule = {
  id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  kind: "account_failing",
  name: "Failing accounts",
  params: { days: 3, scope: "all" },
  endpointIds: ["2f6e9a1c-7d3b-4e5f-8a90-b1c2d3e4f5a6"],
  enabled: true,
  createdAt: "2026-11-28T09:35:00.000Z",
};
const alert = {
  id: "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910",
  ruleId: rule.id,
  ruleName: rule.name,
  ruleKind: rule.kind,
  subjectType: "account",
  subjectId: "0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e",
  subjectLabel: "reach.studio (instagram)",
  link: "/demo/accounts/0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e",
  day: "2026-12-02",
  title: "reach.studio is failing",
  message: "reach.studio on instagram failed 3 time(s) in a row (last error: rate_limited).",
  createdAt: "2026-12-02T06:20:00.000Z",
};

/** The six operations of one kind of delivery endpoint: outgoing webhooks (admins) or alert channels (editors). */
function endpointOperations(purpose: EndpointPurpose) {
  const base = purpose === "webhook" ? "/workspaces/{workspace}/webhooks" : "/workspaces/{workspace}/alerts/channels";
  const tag = purpose === "webhook" ? "Webhooks" : "Alerts";
  const role = purpose === "webhook" ? "admin" : "editor";
  const noun = purpose === "webhook" ? "webhook endpoint" : "alert channel";
  const idOf = purpose === "webhook" ? "Webhook" : "AlertChannel";
  const body = { name: "Ops", target: "https://hooks.example.org/reach" };
  const endpoint = {
    id: purpose === "webhook" ? "8c1f5e2a-3b4d-4c6e-9f70-1a2b3c4d5e6f" : "2f6e9a1c-7d3b-4e5f-8a90-b1c2d3e4f5a6",
    purpose,
    kind: "webhook",
    ...body,
    events: purpose === "webhook" ? [...WEBHOOK_EVENT_TYPES] : [],
    digest: false,
    enabled: true,
    disabledReason: null,
    consecutiveFailures: 0,
    createdAt: "2026-11-28T09:30:00.000Z",
  };
  const delivery = {
    id: "4e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b",
    endpointId: endpoint.id,
    endpointName: endpoint.name,
    eventType: purpose === "webhook" ? "pipeline_run.finished" : "alert.triggered",
    status: "succeeded",
    attempts: 1,
    responseStatus: 200,
    lastError: null,
    nextAttemptAt: null,
    createdAt: "2026-12-02T06:07:43.000Z",
    deliveredAt: "2026-12-02T06:07:44.000Z",
  };
  return {
    list: defineOperation({ id: `list${idOf}s`, method: "GET", path: base, tag, summary: `The workspace's ${noun}s`, role, params: workspaceParams, query: pageQuerySchema, data: endpointSchema, list: true, examples: { response: { data: [endpoint], meta: { next_cursor: null } } } }),
    create: defineOperation({ id: `create${idOf}`, method: "POST", path: base, tag, summary: `Add a ${noun}; a webhook's signing secret is in this answer only`, role, params: workspaceParams, body: createEndpointSchema, data: createdEndpointSchema, status: 201, errors: targetErrors, examples: { body: purpose === "webhook" ? body : { ...body, kind: "webhook" }, response: { data: { ...endpoint, secret: FAKE_SECRET }, meta: {} } } }),
    update: defineOperation({ id: `update${idOf}`, method: "PATCH", path: `${base}/{endpointId}`, tag, summary: `Edit a ${noun}, or turn it on and off`, role, params: endpointParams, body: updateEndpointSchema, data: endpointSchema, errors: targetErrors, examples: { body: { enabled: false }, response: { data: { ...endpoint, enabled: false }, meta: {} } } }),
    remove: defineOperation({ id: `delete${idOf}`, method: "DELETE", path: `${base}/{endpointId}`, tag, summary: `Remove a ${noun} and its delivery log`, role, params: endpointParams, examples: {} }),
    test: defineOperation({ id: `test${idOf}`, method: "POST", path: `${base}/{endpointId}/test`, tag, summary: `Queue a webhook.test message to a ${noun}`, role, params: endpointParams, data: z.object({ deliveryId: z.uuid() }), status: 202, examples: { response: { data: { deliveryId: "4e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b" }, meta: {} } } }),
    log: defineOperation({ id: `list${idOf}Deliveries`, method: "GET", path: `${purpose === "webhook" ? base : "/workspaces/{workspace}/alerts/channels"}/deliveries`, tag, summary: `The newest deliveries to the ${noun}s`, role, params: workspaceParams, query: deliveriesQuery, data: deliverySchema, list: true, examples: { response: { data: [delivery], meta: { next_cursor: null } } } }),
  };
}

export const webhookOperations = endpointOperations("webhook");
export const alertChannelOperations = endpointOperations("alert");

export const listAlerts = defineOperation({ id: "listAlerts", method: "GET", path: "/workspaces/{workspace}/alerts", tag: "Alerts", summary: "Alert history, newest first", role: "editor", params: workspaceParams, query: pageQuerySchema, data: alertSchema, list: true, examples: { response: { data: [alert], meta: { next_cursor: null } } } });
export const listAlertRules = defineOperation({ id: "listAlertRules", method: "GET", path: "/workspaces/{workspace}/alerts/rules", tag: "Alerts", summary: "The workspace's alert rules", role: "editor", params: workspaceParams, query: pageQuerySchema, data: ruleSchema, list: true, examples: { response: { data: [rule], meta: { next_cursor: null } } } });
export const createAlertRule = defineOperation({ id: "createAlertRule", method: "POST", path: "/workspaces/{workspace}/alerts/rules", tag: "Alerts", summary: "Add an alert rule; params are checked against the kind (docs/alerts.md)", role: "editor", params: workspaceParams, body: createRuleSchema, data: ruleSchema, status: 201, errors: ["conflict"], examples: { body: { kind: "account_failing", name: "Failing accounts", params: {}, endpointIds: [rule.endpointIds[0]] }, response: { data: rule, meta: {} } } });
export const updateAlertRule = defineOperation({ id: "updateAlertRule", method: "PATCH", path: "/workspaces/{workspace}/alerts/rules/{ruleId}", tag: "Alerts", summary: "Edit an alert rule, or turn it on and off", role: "editor", params: withWorkspace({ ruleId: z.uuid() }), body: updateRuleSchema, data: ruleSchema, errors: ["conflict"], examples: { body: { enabled: false }, response: { data: { ...rule, enabled: false }, meta: {} } } });
export const deleteAlertRule = defineOperation({ id: "deleteAlertRule", method: "DELETE", path: "/workspaces/{workspace}/alerts/rules/{ruleId}", tag: "Alerts", summary: "Remove an alert rule, its history and its mutes", role: "editor", params: withWorkspace({ ruleId: z.uuid() }), examples: {} });
export const muteAlerts = defineOperation({ id: "muteAlerts", method: "POST", path: "/workspaces/{workspace}/alerts/mutes", tag: "Alerts", summary: "Mute a rule, or one subject of it, for a day or a week", role: "editor", params: workspaceParams, body: muteSchema, data: muteResultSchema, status: 201, examples: { body: { ruleId: rule.id, duration: "day" }, response: { data: { id: "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e", until: "2026-12-03T08:15:00.000Z" }, meta: {} } } });
