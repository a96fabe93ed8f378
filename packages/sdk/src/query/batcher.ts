export interface BatcherOptions<Item> {
  /** Reads up to `maxBatchSize` ids in one request; ids it does not return are not found. */
  fetchMany: (ids: string[]) => Promise<Item[]>;
  idOf: (item: Item) => string;
  notFound: (id: string) => Error;
  maxBatchSize?: number;
}

interface Waiter<Item> {
  resolve: (item: Item) => void;
  reject: (error: unknown) => void;
}

/**
 * Folds every `load(id)` issued in one tick into as few requests as possible: duplicates share
 * one slot, and the rest go out in chunks of `maxBatchSize`. A missing id rejects only its own
 * callers; a failed request rejects the callers of its chunk.
 */
export function createBatcher<Item>(options: BatcherOptions<Item>): { load: (id: string) => Promise<Item> } {
  const { fetchMany, idOf, notFound, maxBatchSize = 100 } = options;
  let pending = new Map<string, Waiter<Item>[]>();
  let scheduled = false;

  async function dispatch(chunk: Map<string, Waiter<Item>[]>): Promise<void> {
    try {
      const items = await fetchMany([...chunk.keys()]);
      const byId = new Map(items.map((item) => [idOf(item), item]));
      for (const [id, waiters] of chunk) {
        const item = byId.get(id);
        for (const waiter of waiters) {
          if (item === undefined) waiter.reject(notFound(id));
          else waiter.resolve(item);
        }
      }
    } catch (error) {
      for (const waiters of chunk.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }

  function flush(): void {
    const batch = [...pending];
    pending = new Map();
    scheduled = false;
    for (let start = 0; start < batch.length; start += maxBatchSize) {
      void dispatch(new Map(batch.slice(start, start + maxBatchSize)));
    }
  }

  return {
    load(id) {
      return new Promise<Item>((resolve, reject) => {
        const waiters = pending.get(id);
        if (waiters) waiters.push({ resolve, reject });
        else pending.set(id, [{ resolve, reject }]);
        if (!scheduled) {
          scheduled = true;
          // A macrotask, not a microtask: reads started from promise callbacks in this tick still join.
          setTimeout(flush, 0);
        }
      });
    },
  };
}
