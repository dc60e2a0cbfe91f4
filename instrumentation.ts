/** Opens the database when the server starts; the embedded one is migrated and, when empty, seeded with the demo. */
export async function register() {
  // Next inlines NEXT_RUNTIME at build time; the guard keeps Node-only modules out of the edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Tracing first, so migrations, the seed and the local runner are traced too.
    const { registerTelemetry } = await import("@/lib/telemetry/register-telemetry");
    registerTelemetry();
    const { quietClientGoneErrors } = await import("@/lib/log/quiet-client-gone");
    quietClientGoneErrors();
    // Before the first request, so the concurrency cap's gate meets every one.
    const { trackInFlightRequests } = await import("@/lib/http/in-flight");
    const { env } = await import("@/lib/env");
    trackInFlightRequests(env.concurrencyCap);
    const { seedDemoOnStart } = await import("@/lib/demo/seed-demo-on-start");
    await seedDemoOnStart();
    // Without an Inngest server, this process runs the jobs: close runs its predecessor left open, start the schedules.
    const { startLocalJobs } = await import("@/lib/jobs/dispatch-job-events");
    await startLocalJobs();
    const { announceReady } = await import("@/lib/demo/announce-ready");
    announceReady();
  }
}
