import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/calendar";
import { localDate } from "@/lib/domain/local-time";
import { runSnapshotsNow } from "@/lib/jobs/run-snapshots-now";
import { getAccountQuality } from "@/lib/services/accounts/get-account-quality";
import { listSourceDisagreements } from "@/lib/services/accounts/list-source-disagreements";
import { ENGINES } from "@/tests/db-harness";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";

// The Data API's answer (its real shape, counts as strings) for a channel the fixture pages also serve.
const apiChannel = (id: string, subscribers: string) =>
  JSON.stringify({ kind: "youtube#channelListResponse", items: [{ kind: "youtube#channel", id, snippet: { title: id }, statistics: { subscriberCount: subscribers, hiddenSubscriberCount: false, videoCount: "12" } }] });

describe.each(ENGINES)("two sources for one YouTube channel, the Data API and its page, on %s", (engine) => {
  let scenario: SnapshotScenario;
  let today: string;
  const run = (text: string, params: unknown[] = []) => scenario.database.connection.runner.query<Record<string, unknown>>(text, params);

  beforeAll(async () => {
    scenario = await createSnapshotScenario(
      engine,
      [
        { platform: "youtube", handle: "reachdemo" },
        { platform: "youtube", handle: "tenxdemo" },
        { platform: "youtube", handle: "modeldemo" },
      ],
      {
        scraper: { credentials: { youtubeApiKey: "test-key" }, crossCheck: true },
        server: {
          extraRoutes: [
            // The API says 12.3M where the page says 45.6K: one of them is wrong.
            { host: "youtube.googleapis.com", path: "/youtube/v3/channels?forHandle=@tenxdemo", responses: [{ body: apiChannel("UCtenxtenxtenxtenxtenxte", "12300000"), headers: { "content-type": "application/json" } }] },
            { host: "www.youtube.com", path: "/@tenxdemo", responses: [{ file: "youtube/channel-viewmodel.html" }] },
            { host: "youtube.googleapis.com", path: "/youtube/v3/channels?forHandle=@modeldemo", responses: [{ body: apiChannel("UCmodelmodelmodelmodelmo", "45600"), headers: { "content-type": "application/json" } }] },
          ],
        },
      },
    );
    today = localDate("Europe/Paris", new Date());
    const yesterday = addDays(today, -1);
    // Yesterday read from the page only: "1.2M" agrees with today's API figure, 4,560 is ten times off.
    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, approximate, source) values
       ($1, $3, $4, 1200000, true, 'html'), ($2, $3, $4, 4560, false, 'html')`,
      [scenario.ids.reachdemo, scenario.ids.modeldemo, scenario.workspaceId, yesterday],
    );
    const [{ slug }] = (await run("select slug from workspaces where id = $1", [scenario.workspaceId])) as [{ slug: string }];
    const result = await runSnapshotsNow(scenario.deps, { workspace: slug });
    expect(result.status).toBe("succeeded");
  }, 120_000);
  afterAll(() => scenario?.close());

  const todays = async (handle: string) => {
    const [row] = await run(
      "select followers::float8 as followers, source::text as source, approximate, suspect_reason, extra from account_snapshots where account_id = $1 and snapshot_date = $2",
      [scenario.ids[handle], today],
    );
    return row as { followers: number; source: string; approximate: boolean; suspect_reason: string | null; extra: { readings?: unknown[]; sourcesDisagree?: boolean } };
  };

  it("records both readings, keeps the API's figure, and leaves agreeing ones (1.23M page vs 1,230,000 API) unflagged", async () => {
    const row = await todays("reachdemo");
    expect(row).toMatchObject({ followers: 1_230_000, source: "api", approximate: true, suspect_reason: null });
    expect(row.extra.readings).toEqual([
      { source: "api", followers: 1_230_000, granularity: 10_000, approximate: true },
      { source: "html", followers: 1_230_000, granularity: 10_000, approximate: true },
    ]);
    expect(row.extra.sourcesDisagree).toBeUndefined();
    // The page's "1.2M" yesterday and the API's 1,230,000 today agree within the page's rounding.
    expect(await listSourceDisagreements(scenario.db, { workspaceId: scenario.workspaceId, accountId: scenario.ids.reachdemo!, today })).toEqual([]);
  });

  it("flags a day whose two readings are far apart as suspect, keeps it out of the latest figure, and counts it in the score", async () => {
    const row = await todays("tenxdemo");
    expect(row).toMatchObject({ followers: 12_300_000, source: "api", suspect_reason: "sources_disagree", extra: { sourcesDisagree: true } });
    const [account] = await run("select latest_followers, latest_snapshot_date::text as latest from accounts where id = $1", [scenario.ids.tenxdemo]);
    expect(account).toMatchObject({ latest_followers: null, latest: today });
    const quality = await getAccountQuality(scenario.db, { workspaceId: scenario.workspaceId, accountId: scenario.ids.tenxdemo!, today });
    expect(quality).toMatchObject({ suspectDays: 1, suspects: 0.75 });
    expect(await listSourceDisagreements(scenario.db, { workspaceId: scenario.workspaceId, accountId: scenario.ids.tenxdemo!, today })).toEqual([
      {
        date: today,
        reason: "sources_disagree",
        followers: 12_300_000,
        source: "api",
        readings: [
          { source: "api", followers: 12_300_000, granularity: 100_000, approximate: true },
          { source: "html", followers: 45_600, granularity: 100, approximate: true },
        ],
        previous: null,
      },
    ]);
  });

  it("flags a jump where the source changed from the page to the API, and reads it against the day before", async () => {
    const row = await todays("modeldemo");
    expect(row).toMatchObject({ followers: 45_600, source: "api", suspect_reason: "source_changed" });
    const days = await listSourceDisagreements(scenario.db, { workspaceId: scenario.workspaceId, accountId: scenario.ids.modeldemo!, today });
    expect(days).toMatchObject([{ date: today, reason: "source_changed", followers: 45_600, previous: { source: "html", followers: 4560 } }]);
    const [account] = await run("select latest_followers::float8 as latest_followers from accounts where id = $1", [scenario.ids.modeldemo]);
    expect(account).toMatchObject({ latest_followers: 4560 });
  });
});
