/**
 * Runs jobs one at a time, taking turns between their owners: an owner with many jobs waiting (a
 * dashboard's metric queries) runs one, then every other owner waiting runs one, and so on. PGlite
 * runs one statement at a time; served first come, first served, a request that arrives behind a
 * dashboard's twenty queries would wait for all twenty, served in turns it waits for one.
 */
export class Turns {
  /** Owners with jobs waiting, in the order of their next turn. */
  readonly #order: object[] = [];
  readonly #waiting = new Map<object, (() => Promise<void>)[]>();
  #running = false;

  run<T>(owner: object, job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let line = this.#waiting.get(owner);
      if (!line) {
        // A new owner joins the end of the order; one already known keeps its place (or, while its
        // job runs, rejoins the order when that job ends).
        line = [];
        this.#waiting.set(owner, line);
        this.#order.push(owner);
      }
      line.push(() => Promise.resolve().then(job).then(resolve, reject));
      this.#next();
    });
  }

  #next(): void {
    if (this.#running) return;
    const owner = this.#order.shift();
    if (owner === undefined) return;
    const line = this.#waiting.get(owner)!;
    const job = line.shift()!;
    this.#running = true;
    void job().finally(() => {
      // PGlite runs on this thread: handing the turn on in a microtask would chain one owner's jobs
      // with no I/O between them, so a request that arrived meanwhile would not even be read until
      // they were all done. The turn passes after the event loop has read what came in, and the
      // owner's next job, if any, waits behind everyone who came meanwhile.
      setImmediate(() => {
        if (line.length > 0) this.#order.push(owner);
        else this.#waiting.delete(owner);
        this.#running = false;
        this.#next();
      });
    });
  }
}
