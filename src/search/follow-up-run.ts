// Runs a refresh-like task one at a time. A caller arriving while a run is under way may have
// written something that run has already missed, so it gets a follow-up run that starts after the
// current one — shared by everyone who arrives meanwhile, so a burst of callers costs two runs,
// not one each. Used by the discovery index, the full-text index sync and the guest page cache.
export class FollowUpRun {
  readonly #task: () => Promise<void>;
  #running: Promise<void> | null = null;
  #queued: Promise<void> | null = null;

  constructor(task: () => Promise<void>) {
    this.#task = task;
  }

  run(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#task().finally(() => (this.#running = null));
      return this.#running;
    }
    this.#queued ??= this.#running
      .catch(() => {})
      .then(() => {
        this.#queued = null;
        return this.run();
      });
    return this.#queued;
  }

  /** Resolves once no run is under way or queued; failures are the callers' to see. */
  async idle(): Promise<void> {
    while (this.#running || this.#queued) await (this.#queued ?? this.#running)!.catch(() => undefined);
  }
}
