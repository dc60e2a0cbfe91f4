import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { runSnapshotsNow } from "@/lib/jobs/run-snapshots-now";
import { callRoute, sessionCookie } from "@/tests/http/route-harness";
// After the harness, which sets up the runtime Next's request scope needs.
import * as jobsRoute from "@/app/api/v1/workspaces/[workspace]/jobs/route";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { startOtlpReceiver, type OtlpReceiver } from "@/tests/otlp-receiver";
import { traceTo } from "@/tests/test-tracing";

describe("traces reach an OTLP/HTTP collector", () => {
  let receiver: OtlpReceiver;
  let scenario: SnapshotScenario;
  let tracing: Awaited<ReturnType<typeof traceTo>>;
  const flush = () => tracing.flush();
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // Registers lib/telemetry's setup (registerTelemetry) once per worker, exporting to this receiver.
    tracing = await traceTo(receiver.url);
    scenario = await createSnapshotScenario("pglite", [
      { platform: "bluesky", handle: "reach.bsky.social" },
      { platform: "bluesky", handle: "nobody.bsky.social" },
    ]);
    provideConnectionForTests(scenario.database.connection);
  });
  afterAll(async () => {
    // The provider is process-global: later test files in this worker export nothing.
    await tracing?.stop();
    await scenario?.close();
    await receiver?.close();
  });

  it("a request: the route's span with its workspace and status, and its RLS transactions inside", async () => {
    const user = randomUUID();
    await scenario.database.connection.runner.query("insert into auth.users (id, email) values ($1, 'traced@x.test')", [user]);
    await scenario.database.connection.runner.query("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [scenario.workspaceId, user]);
    const [{ slug }] = (await scenario.database.connection.runner.query<{ slug: string }>("select slug from workspaces where id = $1", [scenario.workspaceId])) as [{ slug: string }];
    const response = await callRoute(jobsRoute.GET, `/api/v1/workspaces/${slug}/jobs`, { workspace: slug }, { cookie: await sessionCookie({ id: user, email: "traced@x.test" }) });
    expect(response.status).toBe(200);
    await flush();
    await vi.waitFor(() => expect(receiver.spans().some((span) => span.name === "workspace-route")).toBe(true), { timeout: 10_000 });
    const route = receiver.spans().find((span) => span.name === "workspace-route")!;
    expect(route.attributes).toMatchObject({ "http.request.method": "GET", "url.path": `/api/v1/workspaces/${slug}/jobs`, "reach.workspace": slug, "http.response.status_code": 200 });
    expect(receiver.spans().filter((span) => span.name === "db.rls_transaction").length).toBeGreaterThanOrEqual(2);
  });

  it("a job: the run's and each step's span with the run id, and a span per scrape with its platform and outcome", async () => {
    const [{ slug }] = (await scenario.database.connection.runner.query<{ slug: string }>("select slug from workspaces where id = $1", [scenario.workspaceId])) as [{ slug: string }];
    const run = await runSnapshotsNow(scenario.deps, { workspace: slug });
    expect(run.status).toBe("partial");
    await flush();
    await vi.waitFor(() => expect(receiver.spans().some((span) => span.name === "job snapshots-batch")).toBe(true), { timeout: 10_000 });
    const spans = receiver.spans();
    expect(spans.find((span) => span.name === "job snapshots-run")?.attributes).toMatchObject({ "reach.job": "snapshots-run", "reach.run_id": run.id, "reach.workspace_id": scenario.workspaceId });
    expect(spans.find((span) => span.name.startsWith("job.step ") && span.attributes["reach.job"] === "snapshots-batch")?.attributes).toMatchObject({ "reach.run_id": run.id, "reach.batch_id": expect.any(String) });
    const scrapes = spans.filter((span) => span.name === "scrape.account").map((span) => [span.attributes["reach.platform"], span.attributes["reach.scrape.outcome"]]);
    expect(scrapes).toEqual(expect.arrayContaining([["bluesky", "ok"], ["bluesky", "not_found"]]));
    const failed = spans.find((span) => span.name === "scrape.account" && span.attributes["reach.scrape.outcome"] === "not_found");
    expect(failed?.status).toMatchObject({ code: 2, message: "not_found" });
  });
});
