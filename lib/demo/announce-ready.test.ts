import { describe, expect, it } from "vitest";
import { readyLine } from "./announce-ready";

describe("the start-up line", () => {
  it("names the URL and every demo sign-in for the dev server on the embedded database", () => {
    expect(readyLine({ url: "http://localhost:3000", signIns: true })).toBe(
      "Reach is ready at http://localhost:3000: sign in as admin@reach.demo / reach-demo-admin (or editor@reach.demo / reach-demo-editor, viewer@reach.demo / reach-demo-viewer)",
    );
  });

  it("names no demo user elsewhere: on Postgres none exists, and production logs carry no password", () => {
    expect(readyLine({ url: "https://reach.example.org", signIns: false })).toBe("Reach is ready at https://reach.example.org");
  });
});
