import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import { ClientGoneError } from "@/lib/errors";
import { toProblem } from "@/lib/http/problem";
import { requestScope } from "@/lib/http/request-scope";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";

describe("runAsUser for a request whose client has gone away", () => {
  let db: TestDatabase;
  const user = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    await db.connection.runner.query("insert into auth.users (id, email) values ($1, 'gone@example.test')", [user]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const whoAmI = () => runAsUser(db.connection, { sub: user }, async (tx) => rowsOf<{ role: string }>(await tx.execute(sql`select current_user as role`))[0]?.role);

  it("runs nothing, and throws a ClientGoneError that routes answer as a 503", async () => {
    let ran = false;
    const error = await requestScope
      .run({ gone: true }, () =>
        runAsUser(db.connection, { sub: user }, async () => {
          ran = true;
        }),
      )
      .catch((caught: unknown) => caught);
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(ClientGoneError);
    const response = toProblem(error);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "unavailable" });
  });

  it("runs as the user while the client is still there, and outside any request", async () => {
    expect(await requestScope.run({ gone: false }, whoAmI)).toBe("authenticated");
    expect(await whoAmI()).toBe("authenticated");
  });
});
