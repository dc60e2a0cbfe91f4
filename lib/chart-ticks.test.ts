import { describe, expect, it } from "vitest";
import { countTicks } from "./chart-ticks";

const labels = (values: (number | null)[]) => {
  const axis = countTicks(values);
  return axis ? axis.ticks.map((tick) => axis.label(tick)) : null;
};

describe("countTicks", () => {
  it("gives distinct labels when a large count moves little", () => {
    expect(labels([3_812_000, 3_815_500, 3_819_000])).toEqual(["3.812M", "3.814M", "3.816M", "3.818M", "3.82M"]);
    expect(labels([3_800_000, 3_850_000])).toEqual(["3.8M", "3.82M", "3.84M", "3.86M"]);
  });

  it("covers the highest value even when it sits just past a step", () => {
    const axis = countTicks([3_812_000, 3_818_900]);
    expect(axis?.ticks.at(-1)).toBeGreaterThanOrEqual(3_818_900);
  });

  it("puts a band around a single value instead of one flat tick", () => {
    expect(labels([null, 1200, null])).toEqual(["1.16K", "1.18K", "1.2K", "1.22K", "1.24K"]);
  });

  it("never starts a count axis below zero, and has nothing to say without data", () => {
    expect(labels([0, 3, 7])).toEqual(["0", "2", "4", "6", "8"]);
    expect(countTicks([null, null])).toBeNull();
  });
});
