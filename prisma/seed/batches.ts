// PostgreSQL accepts at most 65 535 bind values per statement; staying well below it keeps each
// INSERT fast on the embedded engine too.
const BIND_VALUES_PER_STATEMENT = 16_000;

/** Rows per INSERT for rows with this many columns. */
export function batchSize(columns: number): number {
  return Math.max(1, Math.floor(BIND_VALUES_PER_STATEMENT / Math.max(1, columns)));
}

/** Writes rows in batches sized to their width and returns how many were actually inserted. */
export async function insertInBatches<T extends object>(
  rows: readonly T[],
  write: (batch: T[]) => Promise<{ count: number }>,
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const size = batchSize(
    Math.max(...rows.slice(0, 50).map((r) => Object.keys(r).length), Object.keys(first).length),
  );
  let inserted = 0;
  for (let i = 0; i < rows.length; i += size) {
    inserted += (await write(rows.slice(i, i + size))).count;
  }
  return inserted;
}

const ID_LOOKUP_BATCH = 5000;

/** Which of `ids` are already in the database, looked up in batches. */
export async function findExisting(
  ids: readonly string[],
  query: (ids: string[]) => Promise<{ id: string }[]>,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += ID_LOOKUP_BATCH) {
    for (const { id } of await query(ids.slice(i, i + ID_LOOKUP_BATCH))) found.add(id);
  }
  return found;
}
