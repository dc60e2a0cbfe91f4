import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { JobsTable } from "@/components/jobs/jobs-table";
import { jobRuns } from "@/lib/db/schema";
import { listRuns } from "@/lib/services/job-runs/list-runs";
import { ENGINES } from "@/tests/db-harness";
import { DEV_POST_USERS } from "@/tests/tiktok/dev-posts";
import { createPostsScenario, type PostsScenario } from "@/tests/tiktok/posts-scenario";
import { scrapePosts } from "./scrape-posts";
import { startPostRun } from "./start-post-run";

const flaky = `https://www.tiktok.com/@${DEV_POST_USERS.flaky}/video/7310000000000000040`;
const steady = "https://www.tiktok.com/@reach.dev/video/7310000000000000041";

describe.each(ENGINES)("a post batch that hands posts back for another try, on %s", (engine) => {
  let scenario: PostsScenario;
  beforeAll(async () => {
    // The flaky post answers 503 twice; with no client retries each attempt loads it once.
    scenario = await createPostsScenario(engine, [flaky, steady], { scraper: { maxRetries: 0 } });
  });
  afterAll(() => scenario.close());

  it("records on the run which try comes next and why, shows it on the Jobs page, and clears it once nothing is left to retry", async () => {
    const now = new Date();
    const { runId } = await startPostRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now });
    await scenario.db.update(jobRuns).set({ status: "running", progressTotal: 2 }).where(eq(jobRuns.id, runId));
    const [run] = await scenario.db.select({ params: jobRuns.params }).from(jobRuns).where(eq(jobRuns.id, runId));
    const statsDate = (run?.params as { statsDate: string }).statsDate;
    const deps = { db: scenario.db, scraper: scenario.scraper.ctx, now: () => now };
    const input = { runId, workspaceId: scenario.workspaceId, statsDate, final: false };
    const params = async () => (await scenario.db.select({ params: jobRuns.params }).from(jobRuns).where(eq(jobRuns.id, runId)))[0]?.params;
    const jobsPage = async () =>
      renderToStaticMarkup(createElement(JobsTable, { slug: scenario.slug, runs: await listRuns(scenario.db, { workspaceId: scenario.workspaceId }), sheets: [], canEdit: false, busy: false, onAction: () => {} }));

    const first = await scrapePosts(deps, { ...input, postIds: Object.values(scenario.ids), attemptKey: "b001:scrape-0", attempt: { batchId: "b001", number: 1, of: 3 } });
    expect(first).toMatchObject({ succeeded: 1, retry: [scenario.ids[flaky]] });
    expect(await params()).toMatchObject({ retrying: { b001: { next: 2, of: 3, codes: { network: 1 } } } });
    expect(await jobsPage()).toContain("retrying: network errors, attempt 2 of 3");

    const second = await scrapePosts(deps, { ...input, postIds: first.retry, attemptKey: "b001:scrape-1", attempt: { batchId: "b001", number: 2, of: 3 } });
    expect(second).toMatchObject({ succeeded: 0, retry: [scenario.ids[flaky]] });
    expect(await jobsPage()).toContain("retrying: network errors, attempt 3 of 3");

    const third = await scrapePosts(deps, { ...input, final: true, postIds: second.retry, attemptKey: "b001:scrape-2", attempt: { batchId: "b001", number: 3, of: 3 } });
    expect(third).toMatchObject({ succeeded: 1, retry: [] });
    expect(await params()).toMatchObject({ retrying: {} });
    expect(await jobsPage()).not.toContain("retrying:");
  });
});
