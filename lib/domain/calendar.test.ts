import { describe, expect, it } from "vitest";
import { calendarDays, periodEnding, splitWeeks } from "./calendar";

describe("splitWeeks", () => {
  // 2 March 2026 is a Monday.
  it("splits a period into the Mondays of its whole weeks and the days before and after them", () => {
    expect(splitWeeks("2026-03-04", "2026-03-24")).toEqual({ headTo: "2026-03-08", tailFrom: "2026-03-23", firstWeek: "2026-03-09", lastWeek: "2026-03-16" });
    expect(splitWeeks("2026-03-02", "2026-03-15")).toEqual({ headTo: "2026-03-01", tailFrom: "2026-03-16", firstWeek: "2026-03-02", lastWeek: "2026-03-09" });
  });

  it("puts every day of a period without a whole week in the head", () => {
    expect(splitWeeks("2026-03-03", "2026-03-09")).toEqual({ headTo: "2026-03-09", tailFrom: "2026-03-10", firstWeek: "2026-03-10", lastWeek: "2026-03-09" });
    expect(splitWeeks("2026-03-08", "2026-03-08")).toMatchObject({ headTo: "2026-03-08", tailFrom: "2026-03-09" });
  });

  it("covers every day of the period exactly once, whatever the weekdays", () => {
    for (let start = 0; start < 7; start++) {
      for (let length = 1; length <= 30; length++) {
        const from = calendarDays("2026-03-02", "2026-03-08")[start]!;
        const to = calendarDays(from, "2026-05-01")[length - 1]!;
        const { headTo, tailFrom, firstWeek, lastWeek } = splitWeeks(from, to);
        const weeks = firstWeek <= lastWeek ? calendarDays(firstWeek, lastWeek).filter((_, index) => index % 7 === 0) : [];
        const covered = [
          ...calendarDays(from, headTo),
          ...weeks.flatMap((monday) => calendarDays(monday, calendarDays(monday, "2026-06-01")[6]!)),
          ...calendarDays(tailFrom, to),
        ];
        expect(covered).toEqual(calendarDays(from, to));
      }
    }
  });

  it("a period ending on a day holds that many days, across a month and a leap day", () => {
    expect(periodEnding("2028-03-01", 1)).toEqual({ from: "2028-03-01", to: "2028-03-01" });
    expect(periodEnding("2028-03-01", 7)).toEqual({ from: "2028-02-24", to: "2028-03-01" });
    expect(calendarDays(periodEnding("2026-06-30", 90).from, "2026-06-30")).toHaveLength(90);
  });
});
