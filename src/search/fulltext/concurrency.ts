// At most N tasks at a time; the rest wait in arrival order.
//
// Full-text matching on PostgreSQL can take a second for common words, holding a pool
// connection all along. Without a bound, a burst of searches takes every connection of the pool
// and every other request (a work page, even one answered from the page cache, which checks the
// change log) waits behind them. Bounding searches per process keeps the rest of the pool for the
// rest of the site; on SQLite queries never overlap, so the bound changes nothing there.
export class ConcurrencyLimit {
  readonly #max: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    this.#max = max;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#max) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, if any, so #running never over-counts.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
