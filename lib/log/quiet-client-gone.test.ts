import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, ClientGoneError } from "@/lib/errors";
import { quietClientGoneErrors } from "./quiet-client-gone";

describe("quietClientGoneErrors", () => {
  let undo: (() => void) | undefined;
  afterEach(() => {
    undo?.();
    vi.restoreAllMocks();
  });

  it("drops Next's log of a render stopped for a client that left, and passes every other error on", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    undo = quietClientGoneErrors();
    console.error("⨯", new ClientGoneError());
    expect(printed).not.toHaveBeenCalled();
    const other = new AppError("unavailable", "The database is down.");
    console.error("⨯", other);
    console.error("plain text");
    expect(printed.mock.calls).toEqual([["⨯", other], ["plain text"]]);
  });

  it("undoes itself", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    quietClientGoneErrors()();
    console.error("⨯", new ClientGoneError());
    expect(printed).toHaveBeenCalledTimes(1);
  });
});
