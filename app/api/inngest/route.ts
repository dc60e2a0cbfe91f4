import { inngest } from "@/inngest/client";
import { createInngestFunctions } from "@/inngest/functions";
import { inngestRoute } from "@/inngest/serve";
import { env } from "@/lib/env";
import { processJobDeps } from "@/lib/jobs/job-deps";

// Inngest (Cloud, self-hosted, or the dev server with INNGEST_DEV=1) calls this endpoint; outside dev
// mode every call must carry a valid signature for INNGEST_SIGNING_KEY, or the SDK refuses it.
export const { GET, POST, PUT } = inngestRoute(inngest, createInngestFunctions(inngest, processJobDeps()), {
  serveOrigin: env.inngestServeOrigin,
  signingKey: env.INNGEST_SIGNING_KEY,
  dev: env.INNGEST_DEV,
});
