// Filling and refreshing the discovery store from the database (SQL in
// db/repos/discovery.repo.ts). Every mutation of the store happens synchronously after all the
// rows it needs have arrived, so a query never sees half of a refresh.
import type { Capabilities } from '../db/connect.ts';
import type { Db } from '../db/types.ts';
import { changeLogResumePoint, discoveryCounters, discoveryRowsAfter, discoveryRowsByIds, tagTypesByIds, type DiscoveryRow } from '../db/repos/discovery.repo.ts';
import type { WorkChangeKind } from '../db/repos/work-changes.repo.ts';
import { TAG_TYPES } from '../domain/tag-types.ts';
import { LIVE } from './discovery-flags.ts';
import { DiscoveryStore, type StoreOptions } from './discovery-store.ts';

/** Works per loader query: big enough to amortize round trips, small enough to stream. */
const BATCH = 5000;

function typeIndex(type: string): number {
  return (TAG_TYPES as readonly string[]).indexOf(type);
}

/** Types of the tags these rows use that the store does not know yet. */
async function newTagTypes(db: Db, store: DiscoveryStore, rows: readonly DiscoveryRow[]): Promise<Map<number, number>> {
  const unknown = new Set<number>();
  for (const row of rows) for (const id of row.filterTagIds) if (store.tags.denseOf(id) < 0) unknown.add(id);
  const types = new Map<number, number>();
  if (unknown.size > 0) for (const { id, type } of await tagTypesByIds(db, [...unknown])) types.set(id, typeIndex(type));
  return types;
}

function addTags(store: DiscoveryStore, types: ReadonlyMap<number, number>): void {
  for (const [id, type] of types) store.tags.addTag(id, type < 0 ? undefined : type);
}

/** A fresh store of every visible work, and the change-log position it is current as of. */
export async function buildStore(db: Db, caps: Capabilities, options: StoreOptions = {}): Promise<{ store: DiscoveryStore; seq: number }> {
  // Read before loading: changes made while loading are applied again by the first refresh.
  const seq = await changeLogResumePoint(db);
  const store = new DiscoveryStore(options);
  for (let after = 0; ; ) {
    const rows = await discoveryRowsAfter(db, caps, after, BATCH);
    for (const row of rows) store.append(row);
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.id;
  }
  const missing = store.tagsWithoutType();
  if (missing.length > 0) for (const { id, type } of await tagTypesByIds(db, missing)) store.setTagType(id, typeIndex(type));
  store.finishBuild();
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

/** Applies one poll of the change log: counters alone when only they changed, else the whole row. */
export async function applyChanges(db: Db, caps: Capabilities, store: DiscoveryStore, works: ReadonlyMap<number, ReadonlySet<WorkChangeKind>>): Promise<void> {
  const statsOnly: number[] = [];
  const full: number[] = [];
  for (const [id, kinds] of works) (kinds.size === 1 && kinds.has('stats') ? statsOnly : full).push(id);
  const counters = statsOnly.length > 0 ? await discoveryCounters(db, statsOnly) : [];
  const rows = full.length > 0 ? await discoveryRowsByIds(db, caps, full) : [];
  const types = await newTagTypes(db, store, rows);

  // From here on, synchronous.
  for (const c of counters) {
    const slot = store.slotOf(c.id);
    if (slot >= 0) store.setCounters(slot, c);
  }
  addTags(store, types);
  const visible = new Set<number>();
  for (const row of rows) {
    visible.add(row.id);
    applyRow(store, row);
  }
  for (const id of full) {
    if (visible.has(id)) continue;
    // Deleted, back to draft, or hidden by an admin.
    const slot = store.slotOf(id);
    if (slot >= 0) store.kill(slot);
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
  for (let after = 0; ; ) {
    const rows = await discoveryRowsAfter(db, caps, after, BATCH);
    const types = await newTagTypes(db, store, rows);
    addTags(store, types);
    for (const row of rows) {
      const slot = applyRow(store, row);
      if (slot < before) seen[slot] = 1;
    }
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.id;
  }
  for (let s = 0; s < before; s++) if (store.flags[s]! & LIVE && !seen[s]) store.kill(s);
  return seq;
}
