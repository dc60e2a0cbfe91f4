import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";

/** The few raw operations that migrations, seeding and health checks need from either engine. */
export interface SqlRunner {
  exec(text: string): Promise<void>;
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
}

export function pgliteRunner(pg: PGlite | Transaction): SqlRunner {
  return {
    async exec(text) {
      await pg.exec(text);
    },
    async query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await pg.query<T>(text, params)).rows;
    },
    async transaction(fn) {
      if (!("transaction" in pg)) return fn(pgliteRunner(pg));
      return pg.transaction((tx) => fn(pgliteRunner(tx)));
    },
  };
}

export function postgresRunner(sql: Sql | TransactionSql): SqlRunner {
  return {
    async exec(text) {
      await sql.unsafe(text);
    },
    async query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(text, params as never[])) as unknown as T[];
    },
    async transaction(fn) {
      if (!("begin" in sql)) return fn(postgresRunner(sql));
      return (await sql.begin((tx) => fn(postgresRunner(tx)))) as never;
    },
  };
}
