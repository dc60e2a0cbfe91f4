import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { jobRuns, tiktokPosts, tiktokPostStats, tiktokSlides, workspaces } from "@/lib/db/schema";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import { createLocalRunner, type LocalRunner } from "@/lib/jobs/local-runner";
import { markInterruptedRuns } from "@/lib/services/job-runs/mark-interrupted-runs";
import type { Storage } from "@/lib/storage/storage";
import { ENGINES } from "@/tests/db-harness";
import { DEV_CDN_HOSTS, DEV_POST_USERS, devPostShape, devSlideBytes } from "@/tests/tiktok/dev-posts";
import { createPostsScenario, type PostsScenario } from "@/tests/tiktok/posts-scenario";
import { planPostRun } from "./plan-post-run";
import { retryPostRun } from "./retry-post-run";
import { startPostRun } from "./start-post-run";

const id = (n: number) => `7310${String(n).padStart(15, "0")}`;
const url = (user: string, n: number, form = "video") => `https://www.tiktok.com/@${user}/${form}/${id(n)}`;

async function readAll(stream: Readable | null): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe.each(ENGINES)("the post pipeline through the local runner (%s)", (engine) => {
  describe("every post succeeds, then a second run the same day does nothing", () => {
    let scenario: PostsScenario;
    // Plain posts, a /photo/ URL and both short link hosts (followed to the post).
    const urls = [...Array.from({ length: 8 }, (_, n) => url("reach.dev", n)), url("reach.dev", 8, "photo"), `https://vm.tiktok.com/ZM${id(9)}/`, `https://vt.tiktok.com/ZS${id(10)}/`];
    const shapes = urls.map((_, n) => devPostShape(n >= 9 ? "short.link" : "reach.dev", id(n)));
    const slideTotal = shapes.reduce((sum, shape) => sum + shape.slides.length, 0);
    beforeAll(async () => {
      scenario = await createPostsScenario(engine, urls, { batchSize: 4 });
    });
    afterAll(() => scenario.close());

    it("scrapes every post, stores one stats row each and every slide byte for byte", async () => {
      expect(shapes.some((shape) => shape.slides.length === 0) && slideTotal > 0).toBe(true);
      const run = await scenario.run();
      expect(run).toMatchObject({ kind: "posts.pipeline", status: "succeeded", progressDone: urls.length, progressTotal: urls.length, error: null });
      expect(run.counters).toMatchObject({ succeeded: urls.length, failed: 0, skipped: 0, slidesStored: slideTotal, slidesFailed: 0, batchesFinished: 3 });
      const posts = await scenario.posts();
      expect(posts.every((post) => post.status === "scraped" && post.attempts === 1 && post.lastScrapedAt !== null)).toBe(true);
      const first = posts.find((post) => post.url === urls[0])!;
      expect(first).toMatchObject({ authorUniqueId: "reach.dev", hashtags: expect.arrayContaining(["reach"]), isSlideshow: shapes[0]!.slides.length > 0 });
      expect(first.views).toBeGreaterThan(0);
      expect(posts.find((post) => post.url === urls[9])?.authorUniqueId).toBe("short.link");
      expect(await scenario.count("tiktok_post_stats")).toBe(urls.length);

      const slides = await scenario.slides();
      expect(slides).toHaveLength(slideTotal);
      for (const slide of slides) {
        const n = urls.findIndex((candidate) => scenario.ids[candidate] === slide.postId);
        const shape = shapes[n]!.slides[slide.slideIndex]!;
        const expected = devSlideBytes(id(n), slide.slideIndex, shape);
        const stored = await readAll(await scenario.storage.get(slide.storagePath!));
        expect(sha256(stored)).toBe(sha256(expected));
        // The CDN claims image/jpeg for everything: the type comes from the magic bytes.
        expect(slide).toMatchObject({ sha256: sha256(expected), bytes: expected.length, contentType: `image/${shape.format}`, width: 1080, height: 1440, failedAt: null });
        expect(slide.storagePath).toBe(`${scenario.workspaceId}/${slide.postId}/${slide.slideIndex}.${shape.format === "jpeg" ? "jpg" : shape.format}`);
      }
      expect(scenario.world.pageLoads()).toBe(urls.length);
      expect(scenario.world.slideDownloads()).toBe(slideTotal);
    });

    it("a second run the same day loads no post page and downloads no slide", async () => {
      const [pages, downloads] = [scenario.world.pageLoads(), scenario.world.slideDownloads()];
      const run = await scenario.run();
      expect(run).toMatchObject({ status: "succeeded", progressTotal: 0, counters: { skipped: urls.length } });
      expect([scenario.world.pageLoads(), scenario.world.slideDownloads()]).toEqual([pages, downloads]);
      expect(await scenario.count("tiktok_post_stats")).toBe(urls.length);
      expect(await scenario.count("stored_slides")).toBe(slideTotal);
    });
  });

  describe("failures and slide links", () => {
    let scenario: PostsScenario;
    const failing = {
      [url(DEV_POST_USERS.privatePost, 20)]: ["private", "private post"],
      [url(DEV_POST_USERS.privateAccount, 21)]: ["private", "private account"],
      [url(DEV_POST_USERS.deleted, 22)]: ["not_found", "deleted or not found"],
      [url(DEV_POST_USERS.regionLocked, 23)]: ["region_locked", "not available in our region"],
      "https://www.tiktok.com/@reach.dev": ["invalid_input", "not a TikTok post URL"],
      "https://example.com/@reach.dev/video/7310000000000000024": ["invalid_input", "not a TikTok post URL"],
    };
    const links = {
      expired: url(DEV_POST_USERS.expiredLinks, 30),
      stale: url(DEV_POST_USERS.staleLinks, 31),
      refused: url(DEV_POST_USERS.refusedMirror, 32),
      dead: url(DEV_POST_USERS.deadSlides, 33),
      good: url("reach.dev", 34),
    };
    let run: Awaited<ReturnType<PostsScenario["run"]>>;
    beforeAll(async () => {
      scenario = await createPostsScenario(engine, [...Object.keys(failing), ...Object.values(links)]);
      // Scraped yesterday as a slideshow with a slide left to store, private today: neither it nor its slide is tried again today.
      const privatePost = scenario.ids[url(DEV_POST_USERS.privatePost, 20)]!;
      await scenario.db.insert(tiktokPostStats).values({ postId: privatePost, workspaceId: scenario.workspaceId, date: "2020-01-01" });
      await scenario.db.insert(tiktokSlides).values({ postId: privatePost, workspaceId: scenario.workspaceId, slideIndex: 0, sourceUrls: [`https://${DEV_CDN_HOSTS[0]}/obj/dev/${DEV_POST_USERS.privatePost}/${id(20)}/0.jpeg?x-expires=4102444800`] });
      run = await scenario.run();
    });
    afterAll(() => scenario.close());

    it("marks private, deleted, region-locked and not-a-post rows failed with a plain reason, tried once", async () => {
      expect(run.status).toBe("partial");
      expect(run.counters).toMatchObject({ succeeded: 5, failed: 6, "error:private": 2, "error:not_found": 1, "error:region_locked": 1, "error:invalid_input": 2 });
      expect(run.error).toBe("6 post(s) failed; see the error counts");
      const posts = await scenario.posts();
      for (const [failedUrl, [code, reason]] of Object.entries(failing)) {
        expect(posts.find((post) => post.url === failedUrl)).toMatchObject({ status: "failed", lastErrorCode: code, lastError: reason, consecutiveFailures: 1 });
      }
      for (const n of [20, 21, 22, 23]) expect(scenario.world.pageLoads(id(n))).toBe(1);
      const [leftOver] = (await scenario.slides()).filter((slide) => slide.postId === scenario.ids[url(DEV_POST_USERS.privatePost, 20)]);
      expect(leftOver).toMatchObject({ storagePath: null, failedAt: null });
    });

    it("re-resolves a post whose slide links expired or were refused, falls back to the next mirror, and fails only the slides that stay refused", async () => {
      const slides = await scenario.slides();
      const of = (key: keyof typeof links) => slides.filter((slide) => slide.postId === scenario.ids[links[key]]);
      for (const key of ["expired", "stale", "refused"] as const) {
        expect(of(key).length).toBe(2);
        expect(of(key).every((slide) => slide.storagePath !== null && slide.failedAt === null)).toBe(true);
      }
      // Loaded once to scrape and once more for fresh URLs; the refused mirror needed no reload.
      expect(scenario.world.pageLoads(id(30))).toBe(2);
      expect(scenario.world.pageLoads(id(31))).toBe(2);
      expect(scenario.world.pageLoads(id(32))).toBe(1);
      expect(of("refused").every((slide) => new URL(slide.sourceUrl!).hostname === DEV_CDN_HOSTS[1])).toBe(true);
      expect(of("dead").every((slide) => slide.storagePath === null && slide.failedAt !== null && slide.lastErrorCode === "expired")).toBe(true);
      expect(scenario.world.pageLoads(id(33))).toBe(2);
      const dead = (await scenario.posts()).find((post) => post.url === links.dead);
      expect(dead?.status).toBe("scraped");
      expect(run.counters).toMatchObject({ slidesFailed: 2 });
    });

    it("leaves permanent failures for tomorrow, and retry failed asks again", async () => {
      const before = scenario.world.pageLoads();
      const again = await scenario.run();
      expect(again).toMatchObject({ status: "succeeded", progressTotal: 0 });
      expect(scenario.world.pageLoads()).toBe(before);
      const retried = await scenario.run({ start: () => retryPostRun(scenario.db, { workspaceId: scenario.workspaceId, runId: run.id, triggeredBy: null, now: new Date() }) });
      expect(retried).toMatchObject({ status: "failed", progressTotal: 6, counters: { succeeded: 0, failed: 6 } });
      expect(scenario.world.pageLoads(id(20))).toBe(2);
      const [privatePost] = (await scenario.posts()).filter((post) => post.url === url(DEV_POST_USERS.privatePost, 20));
      expect(privatePost?.consecutiveFailures).toBe(2);
    });
  });

  describe("a run killed mid-way", () => {
    let scenario: PostsScenario;
    const urls = Array.from({ length: 12 }, (_, n) => url("slides.only", 40 + n));
    const slideTotal = urls.reduce((sum, _, n) => sum + devPostShape("slides.only", id(40 + n)).slides.length, 0);
    beforeAll(async () => {
      scenario = await createPostsScenario(engine, urls, { batchSize: 4 });
    });
    afterAll(() => scenario.close());

    it("resumes: no post, stats row or slide twice, nothing downloaded twice, and what was left is finished", async () => {
      let runner: LocalRunner | undefined;
      let puts = 0;
      // The process dies after the sixth slide is stored: the runner stops between steps, as a kill would leave it.
      const dying: Storage = {
        ...scenario.storage,
        put: async (...args) => {
          const stored = await scenario.storage.put(...args);
          if (++puts === 6) void runner?.stop();
          return stored;
        },
      };
      const killed = await scenario.run({
        runner: (deps) => (runner = createLocalRunner({ definitions: createJobDefinitions({ ...deps, storage: () => dying }), retryBaseMs: 1, log: () => {} })),
      });
      expect(killed.status).toBe("running");
      await markInterruptedRuns(scenario.db, { now: new Date(), runIds: [killed.id] });
      const storedBefore = await scenario.count("stored_slides");
      expect(storedBefore).toBeGreaterThanOrEqual(6);
      expect(storedBefore).toBeLessThan(slideTotal);

      const resumed = await scenario.run({ start: () => retryPostRun(scenario.db, { workspaceId: scenario.workspaceId, runId: killed.id, triggeredBy: null, now: new Date() }) });
      expect(resumed.status).toBe("succeeded");
      expect((await scenario.posts()).every((post) => post.status === "scraped" && post.attempts === 1)).toBe(true);
      expect(await scenario.count("tiktok_post_stats")).toBe(urls.length);
      expect(await scenario.count("tiktok_slides")).toBe(slideTotal);
      expect(await scenario.count("stored_slides")).toBe(slideTotal);
      expect(scenario.world.pageLoads()).toBe(urls.length);
      expect(scenario.world.slideDownloads()).toBe(slideTotal);
      expect(resumed.counters.slidesStored).toBe(slideTotal - storedBefore);
    });
  });

  describe("the refresh window", () => {
    let scenario: PostsScenario;
    beforeAll(async () => {
      scenario = await createPostsScenario(engine, [url("reach.dev", 60), url("reach.dev", 61)]);
    });
    afterAll(() => scenario.close());

    it("re-scrapes posts first scraped within the workspace's refresh days, and leaves older ones", async () => {
      const now = new Date();
      const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
      await scenario.db.update(tiktokPosts).set({ firstScrapedAt: daysAgo(100) }).where(eq(tiktokPosts.id, scenario.ids[url("reach.dev", 60)]!));
      await scenario.db.update(tiktokPosts).set({ firstScrapedAt: daysAgo(10) }).where(eq(tiktokPosts.id, scenario.ids[url("reach.dev", 61)]!));
      const plan = async () => {
        const { runId } = await startPostRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now });
        const planned = await planPostRun(scenario.db, { runId, now, batchSize: 50, synced: { postIds: [], rowsRead: 0, rowsReady: 0, invalidRows: 0, unresolvedRows: 0, sheetErrors: 0, errors: {}, writeRequests: 0, readRequests: 0, rateLimited: 0 } });
        await scenario.db.update(jobRuns).set({ status: "cancelled" }).where(eq(jobRuns.id, runId));
        return planned.batches.flatMap((batch) => batch.postIds);
      };
      expect(await plan()).toEqual([scenario.ids[url("reach.dev", 61)]]);
      await scenario.db.update(workspaces).set({ postRefreshDays: 120 }).where(eq(workspaces.id, scenario.workspaceId));
      expect((await plan()).sort()).toEqual(Object.values(scenario.ids).sort());
    });
  });
});
