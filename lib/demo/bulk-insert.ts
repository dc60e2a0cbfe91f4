import type { SqlRunner } from "@/lib/db/sql-runner";

/** Column name → Postgres type, as jsonb_to_recordset needs it. Names are ours, never user input. */
export type Columns = Record<string, string>;

const BATCH_ROWS = 2_000;

/** Inserts plain objects whose keys are column names: one round trip per few thousand rows. */
export async function insertRecords(
  runner: SqlRunner,
  table: string,
  columns: Columns,
  rows: readonly object[],
  { onConflict = "", batchRows = BATCH_ROWS }: { onConflict?: string; batchRows?: number } = {},
): Promise<void> {
  const names = Object.keys(columns).join(", ");
  const definitions = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(", ");
  const text = `insert into ${table} (${names}) select ${names} from jsonb_to_recordset($1::jsonb) as t(${definitions}) ${onConflict}`;
  for (let start = 0; start < rows.length; start += batchRows) {
    await runner.query(text, [JSON.stringify(rows.slice(start, start + batchRows))]);
  }
}

/**
 * Series are one record per account or post whose metrics are parallel arrays, unnested in SQL:
 * a few MB of JSON instead of ~40 MB for one object per daily row.
 */
export async function insertSeries(
  runner: SqlRunner,
  sql: string,
  series: ReadonlyArray<{ o: readonly number[] }>,
  params: unknown[] = [],
  rowsPerBatch = 25_000,
): Promise<void> {
  let batch: object[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length) await runner.query(sql, [JSON.stringify(batch), ...params]);
    batch = [];
    rows = 0;
  };
  for (const item of series) {
    batch.push(item);
    rows += item.o.length;
    if (rows >= rowsPerBatch) await flush();
  }
  await flush();
}
