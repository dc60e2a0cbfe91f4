import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, deliveryEndpoints } from "@/lib/db/schema";
import { DISABLE_AFTER_FAILURES } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import { DELIVERY_ATTEMPTS } from "@/lib/jobs/definitions/deliveries-send";
import { jobEvent } from "@/lib/jobs/events";
import { createLocalRunner } from "@/lib/jobs/local-runner";
import { ENGINES } from "@/tests/db-harness";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/webhook-receiver";
import { createEndpoint } from "./create-endpoint";
import type { DeliveryTransport } from "./delivery-transport";
import { assertEndpointTarget, createEndpointSchema } from "./endpoint-input";
import { queueDeliveries } from "./queue-deliveries";
import { sendTestEvent } from "./send-test-event";

describe.each(ENGINES)("delivery core on %s", (engine) => {
  let scenario: SnapshotScenario;
  let receiver: WebhookReceiver;
  let transport: DeliveryTransport;

  beforeAll(async () => {
    scenario = await createSnapshotScenario(engine, []);
    receiver = await startWebhookReceiver();
    transport = { allowedOrigins: [receiver.origin], mail: { from: "Reach <r@x.test>" }, timeoutMs: 10_000 };
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await scenario?.close();
  });

  async function deliver(deliveryIds: string[], deps = { ...scenario.deps, deliveryTransport: transport }) {
    const runner = createLocalRunner({ definitions: createJobDefinitions(deps) });
    await runner.send(deliveryIds.map((deliveryId) => jobEvent("deliveries.send", { workspaceId: scenario.workspaceId, deliveryId })));
    await runner.idle();
  }

  const webhook = async (name: string, target = receiver.url(`/${name}`)) =>
    createEndpoint(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", createdBy: null, endpoint: createEndpointSchema.parse({ name, target }) });

  const row = async (id: string) => (await scenario.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;
  const requestsTo = (path: string) => receiver.received.filter((request) => request.path === path);

  it("signs a delivery as Standard Webhooks do: the reference implementation and a plain HMAC both verify it", async () => {
    const { endpoint, secret } = await webhook("signed");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const { deliveryId } = await sendTestEvent(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", endpointId: endpoint.id, now: new Date() });
    await deliver([deliveryId]);
    const [request] = requestsTo("/signed");
    expect(request).toBeDefined();
    const { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature } = request!.headers;
    expect(id).toBe(`msg_${deliveryId}`);
    expect(new Webhook(secret!).verify(request!.body, request!.headers)).toMatchObject({ type: "webhook.test", data: { test: true } });
    const key = Buffer.from(secret!.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${request!.body}`).digest("base64");
    expect(signature).toBe(`v1,${expected}`);
    expect(new Webhook(`whsec_${Buffer.from("another secret of enough length").toString("base64")}`).verify.bind(null, request!.body, request!.headers)).toThrow();
    expect(await row(deliveryId)).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200 });
  });

  it("retries after a 500 with the same message id, and records each attempt", async () => {
    const { endpoint } = await webhook("flaky");
    receiver.answer(500);
    const { deliveryId } = await sendTestEvent(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", endpointId: endpoint.id, now: new Date() });
    await deliver([deliveryId]);
    const requests = requestsTo("/flaky");
    expect(requests.map((request) => request.headers["webhook-id"])).toEqual([`msg_${deliveryId}`, `msg_${deliveryId}`]);
    expect(await row(deliveryId)).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200, nextAttemptAt: null });
  });

  it("gives up after its attempts, and disables the endpoint after repeated failed deliveries", async () => {
    const { endpoint } = await webhook("down");
    receiver.always(500);
    try {
      const ids: string[] = [];
      for (let n = 0; n < DISABLE_AFTER_FAILURES; n++) {
        ids.push((await sendTestEvent(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", endpointId: endpoint.id, now: new Date() })).deliveryId);
      }
      await deliver(ids);
      expect(requestsTo("/down")).toHaveLength(DISABLE_AFTER_FAILURES * DELIVERY_ATTEMPTS);
      for (const id of ids) expect(await row(id)).toMatchObject({ status: "failed", attempts: DELIVERY_ATTEMPTS, responseStatus: 500, lastError: "HTTP 500" });
      const [state] = await scenario.db.select().from(deliveryEndpoints).where(eq(deliveryEndpoints.id, endpoint.id));
      expect(state).toMatchObject({ enabled: false, consecutiveFailures: DISABLE_AFTER_FAILURES, disabledReason: expect.stringContaining("Disabled after") });
      const queued = await queueDeliveries(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", messages: [{ endpointId: endpoint.id, eventType: "x", dedupKey: "after-disable", payload: {} }], now: new Date() });
      expect(queued).toEqual([]);
    } finally {
      receiver.always(200);
    }
  });

  it("refuses a private address: when the endpoint is saved, and at delivery without calling it", async () => {
    const closed = { ...transport, allowedOrigins: [] };
    await expect(assertEndpointTarget({ kind: "webhook", target: receiver.url("/inside") }, closed)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(assertEndpointTarget({ kind: "webhook", target: "http://169.254.169.254/latest/meta-data" }, closed)).rejects.toBeInstanceOf(AppError);
    await expect(assertEndpointTarget({ kind: "webhook", target: receiver.url("/allowed") }, transport)).resolves.toBeUndefined();
    const { endpoint } = await webhook("inside");
    const { deliveryId } = await sendTestEvent(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", endpointId: endpoint.id, now: new Date() });
    await deliver([deliveryId], { ...scenario.deps, deliveryTransport: closed });
    expect(requestsTo("/inside")).toHaveLength(0);
    expect(await row(deliveryId)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("blocked_destination") });
  });

  it("the hourly schedule sends again a delivery whose job was lost, and its earlier attempts still count", async () => {
    const { endpoint } = await webhook("lost");
    const { deliveryId } = await sendTestEvent(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", endpointId: endpoint.id, now: new Date() });
    await scenario.db.update(deliveries).set({ attempts: DELIVERY_ATTEMPTS - 1, nextAttemptAt: new Date(Date.now() - 3_600_000) }).where(eq(deliveries.id, deliveryId));
    receiver.always(500);
    try {
      const runner = createLocalRunner({ definitions: createJobDefinitions({ ...scenario.deps, deliveryTransport: transport }) });
      await runner.fire("alerts-schedule");
      await runner.idle();
    } finally {
      receiver.always(200);
    }
    expect(requestsTo("/lost")).toHaveLength(1);
    expect(await row(deliveryId)).toMatchObject({ status: "failed", attempts: DELIVERY_ATTEMPTS, nextAttemptAt: null });
  });

  it("shows a Slack channel's URL without its secret last segment", async () => {
    const { endpoint } = await createEndpoint(scenario.db, { workspaceId: scenario.workspaceId, purpose: "alert", createdBy: null, endpoint: createEndpointSchema.parse({ kind: "slack", name: "S", target: "https://hooks.slack.com/services/T0/B0/SECRETTOKEN" }) });
    expect(endpoint.target).toBe("https://hooks.slack.com/services/T0/B0/••••");
    const [stored] = await scenario.db.select({ target: deliveryEndpoints.target }).from(deliveryEndpoints).where(eq(deliveryEndpoints.id, endpoint.id));
    expect(stored?.target).toBe("https://hooks.slack.com/services/T0/B0/SECRETTOKEN");
  });

  it("queues one delivery per endpoint and dedup key", async () => {
    const { endpoint } = await webhook("once");
    const message = { endpointId: endpoint.id, eventType: "snapshot_run.finished", dedupKey: "run:1", payload: { type: "snapshot_run.finished" } };
    const first = await queueDeliveries(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", messages: [message], now: new Date() });
    const second = await queueDeliveries(scenario.db, { workspaceId: scenario.workspaceId, purpose: "webhook", messages: [message], now: new Date() });
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    await deliver([first[0]!.id, first[0]!.id]);
    expect(requestsTo("/once")).toHaveLength(1);
  });
});
