import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { toProblem } from "@/lib/http/problem";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("toProblem on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const caught = async (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => error);

  it("answers 400, not 500, for text a user sent that Postgres cannot store", async () => {
    const nul = await caught(() => db.connection.db.execute(sql`select ${"a\u0000b"}::text`));
    const notUuid = await caught(() => db.connection.db.execute(sql`select ${"not-a-uuid"}::uuid`));
    for (const error of [nul, notUuid]) {
      const response = toProblem(error);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "invalid_input" });
    }
  });

  it("answers 503 with Retry-After, not 500, when the database chose this transaction to give way", async () => {
    for (const code of ["40P01", "40001"]) {
      const error = await caught(() => db.connection.db.execute(sql.raw(`do $$ begin raise exception 'gave way' using errcode = '${code}'; end $$`)));
      const response = toProblem(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toMatchObject({ code: "unavailable" });
    }
  });

  it("maps AppError and ZodError to their codes and anything else to a bare 500", async () => {
    expect(toProblem(new AppError("forbidden")).status).toBe(403);
    const zod = toProblem(z.object({ n: z.number() }).safeParse({ n: "x" }).error);
    expect(zod.status).toBe(400);
    const internal = toProblem(new Error("select secret from table"));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(await internal.json())).not.toContain("secret");
  });
});
