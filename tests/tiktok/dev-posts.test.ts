import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffImageType } from "@/lib/scrapers/slides/magic-bytes";
import { scrapeTiktokPost } from "@/lib/scrapers/platforms/tiktok/post";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";
import { createDevPosts, DEV_POST_USERS, devPostShape, devSlideBytes, type DevPosts } from "./dev-posts";

let world: DevPosts;
let t: TestScraper;
beforeAll(async () => {
  world = createDevPosts();
  t = await startTestScraper({}, { dynamic: world.respond });
});
afterAll(() => t.close());

const ids = Array.from({ length: 200 }, (_, n) => `7320${String(n).padStart(15, "0")}`);

describe("the dev post world", () => {
  it("makes about 60% of ids slideshows of about 5 slides of about 300 KB, the same every time", () => {
    const shapes = ids.map((id) => devPostShape("anyone", id));
    const slideshows = shapes.filter((shape) => shape.slides.length > 0);
    expect(slideshows.length / ids.length).toBeGreaterThan(0.5);
    expect(slideshows.length / ids.length).toBeLessThan(0.7);
    const slides = slideshows.flatMap((shape) => shape.slides);
    expect(slides.length / slideshows.length).toBeCloseTo(5, 0);
    expect(slides.reduce((sum, slide) => sum + slide.bytes, 0) / slides.length / 1000).toBeCloseTo(300, -1);
    expect(devPostShape("anyone", ids[7]!)).toEqual(devPostShape("anyone", ids[7]!));
  });

  it("serves slides whose bytes are their declared type and differ from slide to slide", () => {
    const [a, b] = [0, 1].map((index) => devSlideBytes(ids[0]!, index, { format: "webp", bytes: 1000, width: 1, height: 1 }));
    expect(sniffImageType(a!)).toBe("webp");
    expect(a!.equals(b!)).toBe(false);
  });

  it("answers any post URL through the real post client, photo URLs and short links included", async () => {
    const id = ids.find((candidate) => devPostShape("someone", candidate).slides.length > 0)!;
    const post = await scrapeTiktokPost(`https://www.tiktok.com/@someone/photo/${id}`, t.ctx);
    expect(post).toMatchObject({ postId: id, isSlideshow: true, author: { uniqueId: "someone" } });
    expect(post.slides).toHaveLength(devPostShape("someone", id).slides.length);
    expect(post.slides[0]!.expiresAt?.getUTCFullYear()).toBe(2100);
    const short = await scrapeTiktokPost(`https://vm.tiktok.com/ZM${id}/`, t.ctx);
    expect(short.author.uniqueId).toBe("short.link");
  });

  it("signs expired links on a post's first load only, and maps its failure users to TikTok's status codes", async () => {
    const id = ids[3]!;
    const first = await scrapeTiktokPost(`https://www.tiktok.com/@${DEV_POST_USERS.expiredLinks}/video/${id}`, t.ctx);
    const second = await scrapeTiktokPost(`https://www.tiktok.com/@${DEV_POST_USERS.expiredLinks}/video/${id}`, t.ctx);
    expect(first.slides[0]!.expiresAt!.getTime()).toBeLessThan(Date.now());
    expect(second.slides[0]!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(world.pageLoads(id)).toBe(2);
    await expect(scrapeTiktokPost(`https://www.tiktok.com/@${DEV_POST_USERS.regionLocked}/video/${ids[4]}`, t.ctx)).rejects.toMatchObject({ code: "region_locked" });
  });
});
