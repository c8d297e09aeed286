// Filling and refreshing the discovery store from the database (SQL in
// db/repos/discovery.repo.ts).
//
// A build at a million works takes tens of seconds, and on SQLite every query runs on the event
// loop's thread, so the build gives the loop back after every batch: the server keeps answering
// requests that do not need the index (work pages) while it loads, and the ones that do wait for
// it. Batches are sized so one holds the loop for about BLOCKING_QUERY_MS; sealing the store
// afterwards runs in slices too (discovery-slices.ts).
//
// Refreshes read everything they need first and then change the store: changes to a few works
// at once, synchronously; a large set as steps (`applyChangeSteps`), which the index runs while
// queries wait for them, so a query never sees half of a refresh.
import { performance } from 'node:perf_hooks';
import type { Capabilities } from '../db/connect.ts';
import type { Db } from '../db/types.ts';
import {
  changeLogResumePoint,
  discoveryCounters,
  discoveryRowsAfter,
  discoveryRowsByIds,
  queriesHoldEventLoop,
  tagTypesByIds,
  workCountAndMaxId,
  type DiscoveryCounters,
  type DiscoveryRow,
} from '../db/repos/discovery.repo.ts';
import type { WorkChangeKind } from '../db/repos/work-changes.repo.ts';
import { TAG_TYPES } from '../domain/tag-types.ts';
import { LIVE } from './discovery-flags.ts';
import { SliceClock, runStepsSliced, yieldToEventLoop, type Steps } from './discovery-slices.ts';
import { DiscoveryStore, type StoreOptions } from './discovery-store.ts';

/** Works per loader query when queries do not hold the event loop (PostgreSQL): round trips amortized. */
const BATCH = 5000;
/** When they do (SQLite): batches sized so one query takes about this long, within these bounds. */
const BLOCKING_QUERY_MS = 20;
const MIN_BATCH = 200;
const FIRST_BATCH = 250;
/** Ids per query for tag types and changed works: short enough for SQLite to answer in a few ms. */
const ID_CHUNK = 1000;
/** Rows applied synchronously by a refresh; more go through steps. */
const SYNC_APPLY = 2000;

function typeIndex(type: string): number {
  return (TAG_TYPES as readonly string[]).indexOf(type);
}

function chunked<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Batch sizes for reading every visible work. On a database whose queries hold the event loop,
 * the size follows the time the last batch took, so a batch stays near BLOCKING_QUERY_MS however
 * busy the machine is.
 */
class BatchSizer {
  size: number;
  private readonly adaptive: boolean;

  constructor(caps: Capabilities) {
    this.adaptive = queriesHoldEventLoop(caps);
    this.size = this.adaptive ? FIRST_BATCH : BATCH;
  }

  async read(db: Db, caps: Capabilities, afterId: number): Promise<{ rows: DiscoveryRow[]; last: boolean }> {
    const limit = this.size;
    const started = performance.now();
    const rows = await discoveryRowsAfter(db, caps, afterId, limit);
    const ms = performance.now() - started;
    if (this.adaptive && rows.length > 0 && ms > 0) {
      const fits = (BLOCKING_QUERY_MS / ms) * rows.length;
      // At most doubling or halving per batch: one slow batch (a checkpoint, a busy core) is noise.
      this.size = Math.round(Math.min(BATCH, Math.max(MIN_BATCH, limit / 2, Math.min(limit * 2, fits))));
    }
    await yieldToEventLoop();
    return { rows, last: rows.length < limit };
  }
}

/** Types of the tags these rows use that the store does not know yet. */
async function newTagTypes(db: Db, store: DiscoveryStore, rows: readonly DiscoveryRow[]): Promise<Map<number, number>> {
  const unknown = new Set<number>();
  for (const row of rows) for (const id of row.filterTagIds) if (store.tags.denseOf(id) < 0) unknown.add(id);
  const types = new Map<number, number>();
  for (const [i, part] of chunked([...unknown]).entries()) {
    if (i > 0) await yieldToEventLoop();
    for (const { id, type } of await tagTypesByIds(db, part)) types.set(id, typeIndex(type));
  }
  return types;
}

function addTags(store: DiscoveryStore, types: ReadonlyMap<number, number>): void {
  for (const [id, type] of types) store.tags.addTag(id, type < 0 ? undefined : type);
}

/**
 * A fresh store of every visible work, and the change-log position it is current as of.
 * `sliceMs`: how long sealing may hold the event loop at once (discovery-slices.ts).
 */
export async function buildStore(db: Db, caps: Capabilities, options: StoreOptions & { sliceMs?: number } = {}): Promise<{ store: DiscoveryStore; seq: number }> {
  // Read before loading: changes made while loading are applied again by the first refresh.
  const seq = await changeLogResumePoint(db);
  const store = new DiscoveryStore(options);
  const { count, maxId } = await workCountAndMaxId(db);
  store.reserve(count, maxId);
  const batches = new BatchSizer(caps);
  const clock = new SliceClock(options.sliceMs);
  for (let after = 0; ; ) {
    const { rows, last } = await batches.read(db, caps, after);
    for (let i = 0; i < rows.length; i++) {
      store.append(rows[i]!);
      // PostgreSQL's batches are large (their query does not hold the loop; appending does).
      if (i % 256 === 255) await clock.pause();
    }
    if (last) break;
    after = rows.at(-1)!.id;
    await yieldToEventLoop();
  }
  for (const part of chunked(store.tagsWithoutType())) {
    for (const { id, type } of await tagTypesByIds(db, part)) store.setTagType(id, typeIndex(type));
    await yieldToEventLoop();
  }
  await runStepsSliced(store.finishBuildSteps(), options.sliceMs);
  return { store, seq };
}

/** Puts one freshly read visible work into the store: in place, or in a new slot when its tags differ. */
function applyRow(store: DiscoveryStore, row: DiscoveryRow): number {
  const slot = store.slotOf(row.id);
  if (slot >= 0 && store.sameTags(slot, row.filterTagIds)) {
    store.update(slot, row);
    return slot;
  }
  if (slot >= 0) store.kill(slot);
  return store.append(row);
}

/** What one poll of the change log changed, read from the database and not yet applied. */
export interface ChangeSet {
  counters: DiscoveryCounters[];
  rows: DiscoveryRow[];
  /** Works whose rows were read in full (those not among `rows` left the index). */
  full: number[];
  types: Map<number, number>;
}

/** Reads what one poll of the change log needs: counters alone when only they changed, else the whole row. */
export async function readChanges(db: Db, caps: Capabilities, store: DiscoveryStore, works: ReadonlyMap<number, ReadonlySet<WorkChangeKind>>): Promise<ChangeSet> {
  const statsOnly: number[] = [];
  const full: number[] = [];
  for (const [id, kinds] of works) (kinds.size === 1 && kinds.has('stats') ? statsOnly : full).push(id);
  // Many works (a wrangling change): in chunks with a turn for the event loop between them.
  const many = statsOnly.length + full.length > ID_CHUNK;
  const counters: DiscoveryCounters[] = [];
  for (const part of chunked(statsOnly)) {
    counters.push(...(await discoveryCounters(db, part)));
    if (many) await yieldToEventLoop();
  }
  const rows: DiscoveryRow[] = [];
  for (const part of chunked(full)) {
    rows.push(...(await discoveryRowsByIds(db, caps, part)));
    if (many) await yieldToEventLoop();
  }
  const types = await newTagTypes(db, store, rows);
  return { counters, rows, full, types };
}

/** Whether applying these changes is best done in steps (see applyChangeSteps). */
export function largeChangeSet(changes: ChangeSet, limit = SYNC_APPLY): boolean {
  return changes.counters.length + changes.full.length > limit;
}

/** Applies what readChanges read; nothing may query the store until the steps are done. */
export function* applyChangeSteps(store: DiscoveryStore, changes: ChangeSet): Steps {
  let done = 0;
  const tick = (): boolean => ++done % 512 === 0;
  for (const c of changes.counters) {
    const slot = store.slotOf(c.id);
    if (slot >= 0) store.setCounters(slot, c);
    if (tick()) yield;
  }
  addTags(store, changes.types);
  const visible = new Set<number>();
  for (const row of changes.rows) {
    visible.add(row.id);
    applyRow(store, row);
    if (tick()) yield;
  }
  for (const id of changes.full) {
    if (visible.has(id)) continue;
    // Deleted, back to draft, or hidden by an admin.
    const slot = store.slotOf(id);
    if (slot >= 0) store.kill(slot);
    if (tick()) yield;
  }
}

/**
 * Brings the store in line with the database without the log (it overflowed or was pruned past
 * our position): every visible work is read again and applied like a change, works no longer
 * visible are dropped. Unlike a fresh build this needs no second copy of the index in memory,
 * and queries keep being answered between batches. Returns the new log position.
 */
export async function resyncStore(db: Db, caps: Capabilities, store: DiscoveryStore): Promise<number> {
  const seq = await changeLogResumePoint(db);
  const before = store.slotCount;
  const seen = new Uint8Array(before);
  const batches = new BatchSizer(caps);
  for (let after = 0; ; ) {
    const { rows, last } = await batches.read(db, caps, after);
    const types = await newTagTypes(db, store, rows);
    addTags(store, types);
    for (const row of rows) {
      const slot = applyRow(store, row);
      if (slot < before) seen[slot] = 1;
    }
    if (last) break;
    after = rows.at(-1)!.id;
    await yieldToEventLoop();
  }
  for (let s = 0; s < before; s++) if (store.flags[s]! & LIVE && !seen[s]) store.kill(s);
  return seq;
}
