/** Walking a limit/offset list to its end, one request per `limit` items. */

export interface Batch<T> {
  count: number;
  items: T[];
}

/**
 * Every item from `offset` on, asking `fetchBatch(offset, limit)` for the next batch
 * until `count` is reached or a batch comes back empty (the list shrank meanwhile).
 */
export async function* paginate<T>(
  fetchBatch: (offset: number, limit: number) => Promise<Batch<T>>,
  { offset = 0, limit = 100 }: { offset?: number; limit?: number } = {},
): AsyncGenerator<T, void, undefined> {
  let next = offset;
  for (;;) {
    const batch = await fetchBatch(next, limit);
    yield* batch.items;
    next += batch.items.length;
    if (batch.items.length === 0 || next >= batch.count) return;
  }
}
