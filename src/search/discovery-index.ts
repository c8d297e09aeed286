// The in-memory discovery index (search/types.ts DiscoveryIndex): AO3-style filtering, sorting,
// paging and facet counts over every visible work, answered from typed arrays in milliseconds
// at a million works — a speed SQL cannot reach for facets, which must count the ~20 filter
// tags of every matching work (the cost grows with the number of matches: about 0.2 µs each).
//
// Layout (each part explains itself):
//   discovery-store.ts    one slot per visible work, a typed array per attribute (flags bits in
//                         discovery-flags.ts)
//   discovery-tags.ts     filter sets: forward lists (slot → tags), per-tag totals;
//   discovery-postings.ts postings (tag → slots): bitsets and gap-coded lists
//   discovery-keys.ts     title and creator order as ranks over a pool of UTF-8 sort keys
//   discovery-query.ts    candidates and checks; discovery-select.ts picks the page
//   discovery-facets.ts   facet counting, top tags per type, ties by name, the facet cache
//   discovery-cursor.ts   keyset cursors
//   discovery-load.ts     build, refresh and resync from db/repos/discovery.repo.ts
//
// Memory, measured by bench/discovery-synthetic.ts at 1M works × ~25 filter tags drawn from
// 590k distinct tags: 170 MB of arrays (178 B per work: columns 52 MB — the two dates 15 of
// them —, forward lists 54 MB, postings 42 MB, per-tag arrays 10 MB, title keys 7 MB, creator
// keys 4 MB), plus ~20 MB of scratch arrays reused by queries.
//
// Building takes tens of seconds at a million works; it loads in batches and seals in slices
// (discovery-load.ts, discovery-slices.ts), giving the event loop back between them, so the
// process answers everything that does not need the index meanwhile. Compaction and large
// refreshes run in slices too; queries wait for those (`mutating`) rather than see a store
// halfway through one.
//
// Freshness: the index polls the work change log (change-feed.ts) before every query, from the
// position read before it loaded, so a process sees its own writes at once and other processes'
// writes on its next query. One refresh runs at a time; callers arriving while one runs share
// the next one (it starts after theirs began, so it sees their writes). A build or resync is the
// same kind of run, so concurrent first queries share one build.
//
// One index per database handle (discoveryIndexFor), built on first use.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { changeLogResumePoint, changedWorksAfter, tagNamesByIds, workIdsOfCreatorUser } from '../db/repos/discovery.repo.ts';
import { oldestChangeSeq } from '../db/repos/work-changes.repo.ts';
import { ChangeFeed } from './change-feed.ts';
import { FollowUpRun } from './follow-up-run.ts';
import { applyChangeSteps, buildStore, largeChangeSet, readChanges, resyncStore } from './discovery-load.ts';
import { finishFacets } from './discovery-facets.ts';
import { runQuery, scratchBytes } from './discovery-query.ts';
import { runSteps, runStepsSliced, type Steps } from './discovery-slices.ts';
import type { DiscoveryStore, StoreOptions } from './discovery-store.ts';
import type { DiscoveryIndex, DiscoveryPage, DiscoveryRequest, ResolvedWorkQuery } from './types.ts';

/** Beyond this many changed works at once, reloading every work is about as cheap. */
const MAX_BATCH_WORKS = 100_000;
/** How often to check whether the log was pruned past this index's position. */
const PRUNE_CHECK_MS = 60_000;
/** Compact when dead slots pass this share of all slots (and this many). */
const DEAD_SHARE = 0.2;
const DEAD_MIN = 1000;

export interface DiscoveryIndexOptions extends StoreOptions {
  /** Clock for the change feed's gap tracking and the prune check. */
  now?: () => number;
  /**
   * How long one slice of a build, a compaction or a large refresh may hold the event loop
   * (discovery-slices.ts SLICE_MS); tests set 0 to yield after every step.
   */
  sliceMs?: number;
  /** Refreshes changing more works than this apply in slices (discovery-load.ts); tests lower it. */
  sliceAboveWorks?: number;
  /** Compact once more slots than this are dead (and DEAD_SHARE of all); tests lower it. */
  compactAfterDead?: number;
}

export class MemoryDiscoveryIndex implements DiscoveryIndex {
  private readonly db: Kysely<Database>;
  private readonly caps: Capabilities;
  private readonly options: DiscoveryIndexOptions;
  private readonly now: () => number;
  private store: DiscoveryStore | null = null;
  private feed: ChangeFeed | null = null;
  /** One refresh at a time; callers arriving during one share a follow-up after it. */
  private readonly refreshes = new FollowUpRun(() => this.run());
  /** Set while changes to the store run in slices; queries wait for them. */
  private mutating: Promise<void> | null = null;
  private lastPruneCheck = 0;

  constructor(db: Kysely<Database>, caps: Capabilities, options: DiscoveryIndexOptions = {}) {
    this.db = db;
    this.caps = caps;
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  refresh(): Promise<void> {
    return this.refreshes.run();
  }

  async query(query: ResolvedWorkQuery, request: DiscoveryRequest): Promise<DiscoveryPage> {
    const creatorWorks = query.creatorUserId !== undefined && !query.matchesNothing ? workIdsOfCreatorUser(this.db, query.creatorUserId) : null;
    const [, creatorWorkIds] = await Promise.all([this.refresh(), creatorWorks]);
    // A later run may have begun changing the store in slices while this query awaited.
    while (this.mutating) await this.mutating.catch(() => undefined);
    const raw = runQuery(this.store!, query, request, creatorWorkIds ?? null);
    const names = raw.facets.length > 0 ? await tagNamesByIds(this.db, raw.facets.map((f) => f.tagId)) : new Map<number, string>();
    return { ids: raw.ids, total: raw.total, next: raw.next, facets: finishFacets(raw.facets, names, request.facetsPerType) };
  }

  memoryBytes(): number {
    return this.store ? this.store.memoryBytes() + scratchBytes(this.store) : 0;
  }

  /** Settles any run under way (for closing the database after). */
  idle(): Promise<void> {
    return this.refreshes.idle();
  }

  private async run(): Promise<void> {
    if (!this.store || !this.feed) {
      const { store, seq } = await buildStore(this.db, this.caps, this.options);
      this.store = store;
      this.feed = new ChangeFeed(seq, this.now);
      this.lastPruneCheck = this.now();
      return;
    }
    const store = this.store;
    const feed = this.feed;
    const position = feed.position;
    const batch = await feed.poll(this.db);
    if (await this.prunedPast(position)) {
      feed.reset(await resyncStore(this.db, this.caps, store));
    } else if (batch.rebuild) {
      // Too many log rows for one poll — typically a wrangling change rewriting the filter sets
      // of a few hundred works, 40 rows each. Reload just those works unless there are very many.
      const resume = await changeLogResumePoint(this.db);
      const works = await changedWorksAfter(this.db, Math.min(position, resume), MAX_BATCH_WORKS);
      if (works) await this.apply(store, works);
      feed.reset(works ? resume : await resyncStore(this.db, this.caps, store));
    } else if (batch.works.size > 0) {
      await this.apply(store, batch.works);
    }
    if (store.deadCount > Math.max(this.options.compactAfterDead ?? DEAD_MIN, store.slotCount * DEAD_SHARE) || store.tags.tailEntries > Math.max(100_000, store.liveCount * 2)) {
      // Hundreds of milliseconds at a million works: in slices.
      await this.mutate(store.compactSteps());
    }
  }

  private async apply(store: DiscoveryStore, works: Parameters<typeof readChanges>[3]): Promise<void> {
    const changes = await readChanges(this.db, this.caps, store, works);
    if (largeChangeSet(changes, this.options.sliceAboveWorks)) await this.mutate(applyChangeSteps(store, changes));
    else runSteps(applyChangeSteps(store, changes));
  }

  /** Runs changes to the store in slices; queries arriving meanwhile wait for the end. */
  private async mutate(steps: Steps): Promise<void> {
    const done = runStepsSliced(steps, this.options.sliceMs);
    this.mutating = done;
    try {
      await done;
    } finally {
      this.mutating = null;
    }
  }

  /**
   * Whether log entries after `position` (where this index stood before its last poll) were
   * pruned before it read them; checked now and then, as pruning is rare.
   */
  private async prunedPast(position: number): Promise<boolean> {
    const now = this.now();
    if (now - this.lastPruneCheck < PRUNE_CHECK_MS) return false;
    this.lastPruneCheck = now;
    const oldest = await oldestChangeSeq(this.db);
    return oldest !== null && oldest > position + 1;
  }
}

const indexes = new WeakMap<Kysely<Database>, MemoryDiscoveryIndex>();

/** The process's discovery index for this database handle, created (not yet built) on first call. */
export function discoveryIndexFor(db: Kysely<Database>, caps: Capabilities): DiscoveryIndex {
  // A transaction is a handle of its own: keyed by it, every transaction would build an index.
  if (db.isTransaction) throw new Error('The discovery index needs the database handle, not a transaction.');
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new MemoryDiscoveryIndex(db, caps)));
  return index;
}

/** Forgets the index of this handle (its memory goes with it); call before closing the database. */
export async function dropDiscoveryIndex(db: Kysely<Database>): Promise<void> {
  const index = indexes.get(db);
  if (!index) return;
  indexes.delete(db);
  await index.idle();
}
