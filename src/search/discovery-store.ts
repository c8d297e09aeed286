// The columns of the discovery index: one dense slot per visible work (posted, not hidden by an
// admin), each attribute in its own typed array so a filter pass over a million works touches a
// few megabytes, not a million objects.
//
// A work's slot is updated in place when its counters, dates, flags, title or creator change.
// When its filter set changes it moves to a new slot at the end and the old one is marked dead,
// which keeps every posting list append-only and sorted (discovery-tags.ts). compact() squeezes
// dead slots out once they are a large share, renumbering in place (no second copy of the index).
//
// Long passes (sealing a build, compacting) are generators of steps (discovery-slices.ts), so the
// loader can run them in slices and keep the event loop answering; finishBuild() and compact()
// run them to the end at once.
import type { DiscoveryCounters, DiscoveryRow } from '../db/repos/discovery.repo.ts';
import { ANONYMOUS, COMPLETE, CROSSOVER, LIVE, RESTRICTED, SINGLE_CHAPTER, UNKNOWN_TYPE } from './discovery-flags.ts';
import { SortKeyDict, creatorSortKey, titleSortKey, type Translate } from './discovery-keys.ts';
import { inRanges, runSteps, type Steps } from './discovery-slices.ts';
import { TagIndex, type TagIndexOptions } from './discovery-tags.ts';

type Column = Uint8Array | Uint16Array | Uint32Array | Float64Array;

export type StoreOptions = TagIndexOptions;

function flagsOf(row: DiscoveryRow): number {
  return (
    LIVE |
    (row.restricted ? RESTRICTED : 0) |
    (row.anonymous ? ANONYMOUS : 0) |
    (row.complete ? COMPLETE : 0) |
    (row.crossover ? CROSSOVER : 0) |
    (row.expectedChapters === 1 ? SINGLE_CHAPTER : 0)
  );
}

export class DiscoveryStore {
  slotCount = 0;
  liveCount = 0;
  /** Live slots a guest may see (not restricted). */
  publicLiveCount = 0;
  /**
   * Bumped by every change except counters (`counterVersion`, bumped by those): results cached
   * for a query stay valid while the versions it depends on stand still.
   */
  version = 0;
  counterVersion = 0;
  private cap = 0;
  workId = new Uint32Array(0);
  flags = new Uint8Array(0);
  /** Dense language number; one byte until a 257th language appears (then two). */
  lang: Uint8Array | Uint16Array = new Uint8Array(0);
  words = new Uint32Array(0);
  hits = new Uint32Array(0);
  kudos = new Uint32Array(0);
  comments = new Uint32Array(0);
  bookmarks = new Uint32Array(0);
  /**
   * Epoch seconds, fractional. Float64 keeps the milliseconds (PostgreSQL: microseconds) that
   * order works posted within one second, and dates far outside 1970–2106 (old fanzines).
   */
  posted = new Float64Array(0);
  revised = new Float64Array(0);
  /**
   * Title and creator sort ranks (in `titles` / `creators`): what a title or creator sort reads,
   * and the handle of the key text (`titles.keyString(titleRank[s])`) for cursors.
   */
  titleRank = new Uint32Array(0);
  creatorRank = new Uint32Array(0);
  private slotByWork = new Int32Array(1024).fill(-1);
  readonly tags: TagIndex;
  // When a dictionary renumbers its ranks, every slot's rank is translated (discovery-keys.ts).
  readonly titles = new SortKeyDict((t) => this.translateSteps(this.titleRank, t));
  readonly creators = new SortKeyDict((t) => this.translateSteps(this.creatorRank, t));
  private readonly languages = new Map<string, number>();
  private building = true;
  private readonly dense: number[] = [];

  constructor(options: StoreOptions = {}) {
    this.tags = new TagIndex(options);
    this.grow(1024);
  }

  get deadCount(): number {
    return this.slotCount - this.liveCount;
  }

  /** The sort key handle of a slot's title (its rank; see titleRank). */
  get titleKey(): Uint32Array {
    return this.titleRank;
  }

  get creatorKey(): Uint32Array {
    return this.creatorRank;
  }

  slotOf(workId: number): number {
    return workId < this.slotByWork.length ? this.slotByWork[workId]! : -1;
  }

  /** The dense number of a language code, -1 when no loaded work uses it. */
  languageIndex(code: string): number {
    return this.languages.get(code) ?? -1;
  }

  /**
   * Before a bulk load: room for `works` slots and work ids up to `maxWorkId`, allocated once
   * rather than grown by copying (each copy leaves a hole in the process's heap).
   */
  reserve(works: number, maxWorkId: number): void {
    if (works > this.cap) this.resize(works);
    if (maxWorkId >= this.slotByWork.length) {
      const grown = new Int32Array(maxWorkId + 1024).fill(-1);
      grown.set(this.slotByWork);
      this.slotByWork = grown;
    }
  }

  /** Adds a visible work as a new slot. */
  append(row: DiscoveryRow): number {
    this.version++;
    if (this.slotCount === this.cap) this.grow(Math.ceil(this.cap * 1.5));
    const s = this.slotCount++;
    this.workId[s] = row.id;
    this.writeColumns(s, row);
    const ids = row.filterTagIds;
    const dense = this.dense;
    dense.length = ids.length;
    for (let i = 0; i < ids.length; i++) {
      const d = this.tags.denseOf(ids[i]!);
      dense[i] = d >= 0 ? d : this.tags.addTag(ids[i]!);
    }
    this.tags.appendSlot(s, dense);
    if (!this.building) this.tags.addCounts(s, !row.restricted, 1);
    if (row.id >= this.slotByWork.length) {
      const grown = new Int32Array(Math.max(row.id + 1, this.slotByWork.length * 2)).fill(-1);
      grown.set(this.slotByWork);
      this.slotByWork = grown;
    }
    this.slotByWork[row.id] = s;
    this.liveCount++;
    if (!row.restricted) this.publicLiveCount++;
    return s;
  }

  /** The work left the index (gone, draft, hidden) or moved to a new slot. */
  kill(slot: number): void {
    const f = this.flags[slot]!;
    if (!(f & LIVE)) return;
    this.version++;
    this.tags.addCounts(slot, !(f & RESTRICTED), -1);
    this.flags[slot] = f & ~LIVE;
    if (this.slotByWork[this.workId[slot]!] === slot) this.slotByWork[this.workId[slot]!] = -1;
    this.liveCount--;
    if (!(f & RESTRICTED)) this.publicLiveCount--;
  }

  /** Everything but the filter set changed, or may have. */
  update(slot: number, row: DiscoveryRow): void {
    this.version++;
    this.counterVersion++;
    const wasPublic = !(this.flags[slot]! & RESTRICTED);
    this.writeColumns(slot, row);
    const isPublic = !row.restricted;
    if (wasPublic !== isPublic) {
      // Unrestricted counts follow the flag: take the slot out and back in.
      this.tags.addCounts(slot, wasPublic, -1);
      this.tags.addCounts(slot, isPublic, 1);
      this.publicLiveCount += isPublic ? 1 : -1;
    }
  }

  setCounters(slot: number, c: DiscoveryCounters): void {
    this.counterVersion++;
    this.hits[slot] = c.hits;
    this.kudos[slot] = c.kudos;
    this.comments[slot] = c.comments;
    this.bookmarks[slot] = c.bookmarks;
  }

  /** Whether the slot's filter set is exactly these tag ids. */
  sameTags(slot: number, tagIds: readonly number[]): boolean {
    const have = this.tags.slotTags(slot);
    if (have.length !== new Set(tagIds).size) return false;
    const set = new Set(have);
    return tagIds.every((id) => set.has(this.tags.denseOf(id)));
  }

  /** Database ids of tags whose type is not loaded yet. */
  tagsWithoutType(): number[] {
    const out: number[] = [];
    for (let d = 0; d < this.tags.tagCount; d++) if (this.tags.types[d] === UNKNOWN_TYPE) out.push(this.tags.tagIds[d]!);
    return out;
  }

  setTagType(tagId: number, typeIndex: number): void {
    const d = this.tags.denseOf(tagId);
    if (d >= 0) this.tags.types[d] = typeIndex;
  }

  /** Ends the bulk load: tags numbered by frequency, sort keys ranked, postings built. */
  finishBuild(): void {
    runSteps(this.finishBuildSteps());
  }

  /** finishBuild in steps; the store may not be queried until they are done. */
  *finishBuildSteps(): Steps {
    yield* this.tags.renumberByFrequencySteps(this.slotCount);
    yield* this.titles.sealSteps();
    yield* this.creators.sealSteps();
    yield* this.trimSteps();
    yield* this.tags.transposeSteps(this.slotCount, this.flags, this.cap);
    this.building = false;
  }

  /** The rank column a title or creator sort reads. */
  rankColumn(sort: 'title' | 'creator'): Uint32Array {
    return sort === 'title' ? this.titleRank : this.creatorRank;
  }

  /** Squeezes out dead slots (and sort keys no live work uses), keeping slot order. */
  compact(): void {
    runSteps(this.compactSteps());
  }

  /** compact in steps; the store may not be queried until they are done. */
  *compactSteps(): Steps {
    this.version++;
    const old = this.slotCount;
    const remap = new Int32Array(old);
    let n = 0;
    const flags = this.flags;
    yield* inRanges(old, (from, to) => {
      for (let s = from; s < to; s++) remap[s] = flags[s]! & LIVE ? n++ : -1;
    });
    // Column by column: slots only move down (remap[s] <= s), so in place.
    for (const col of this.columns()) {
      yield* inRanges(old, (from, to) => {
        for (let s = from; s < to; s++) {
          const ns = remap[s]!;
          if (ns >= 0 && ns !== s) col[ns] = col[s]!;
        }
      });
    }
    this.flags.fill(0, n, old);
    this.slotCount = n;
    this.liveCount = n;
    yield* this.tags.compactSlotsSteps(remap, old, n, this.flags, this.cap);
    yield* inRanges(n, (from, to) => {
      for (let s = from; s < to; s++) this.slotByWork[this.workId[s]!] = s;
    });
    yield* this.titles.rebuildSteps({ ranks: this.titleRank, n });
    yield* this.creators.rebuildSteps({ ranks: this.creatorRank, n });
    yield* this.trimSteps();
  }

  memoryBytes(): number {
    return Object.values(this.memoryParts()).reduce((a, b) => a + b, 0);
  }

  /** Bytes by part, for benchmarks and health reports. */
  memoryParts(): Record<'columns' | 'forward' | 'postings' | 'perTag' | 'titles' | 'creators', number> {
    let columns = this.slotByWork.byteLength;
    for (const col of this.columns()) columns += col.byteLength;
    return { columns, ...this.tags.memoryParts(), titles: this.titles.memoryBytes(), creators: this.creators.memoryBytes() };
  }

  /** Bytes of each column (and of the work id → slot map), for measuring. */
  columnBytes(): Record<string, number> {
    return {
      workId: this.workId.byteLength, flags: this.flags.byteLength, lang: this.lang.byteLength, words: this.words.byteLength,
      hits: this.hits.byteLength, kudos: this.kudos.byteLength, comments: this.comments.byteLength, bookmarks: this.bookmarks.byteLength,
      posted: this.posted.byteLength, revised: this.revised.byteLength, titleRank: this.titleRank.byteLength,
      creatorRank: this.creatorRank.byteLength, slotByWork: this.slotByWork.byteLength,
    };
  }

  private writeColumns(s: number, row: DiscoveryRow): void {
    this.flags[s] = flagsOf(row);
    let lang = this.languages.get(row.language);
    if (lang === undefined) {
      this.languages.set(row.language, (lang = this.languages.size));
      if (lang > 0xff && this.lang instanceof Uint8Array) this.lang = Uint16Array.from(this.lang);
    }
    this.lang[s] = lang;
    this.words[s] = row.wordCount;
    this.hits[s] = row.hits;
    this.kudos[s] = row.kudos;
    this.comments[s] = row.comments;
    this.bookmarks[s] = row.bookmarks;
    this.posted[s] = row.postedAt;
    this.revised[s] = row.revisedAt;
    const title = titleSortKey(row.title);
    const creator = creatorSortKey(row.creatorName, row.anonymous);
    if (this.building) {
      // Build ids for now; sealing the dictionaries turns them into ranks.
      this.titleRank[s] = this.titles.add(title);
      this.creatorRank[s] = this.creators.add(creator);
    } else {
      // Interning may renumber every rank (translate() then rewrites the columns): read it after.
      const t = this.titles.intern(title);
      this.titleRank[s] = t;
      const c = this.creators.intern(creator);
      this.creatorRank[s] = c;
    }
  }

  /** Rewrites a rank column after its dictionary renumbered (or, sealing, replaced build ids). */
  private *translateSteps(col: Uint32Array, t: Translate): Steps {
    yield* inRanges(this.slotCount, (from, to) => {
      for (let s = from; s < to; s++) col[s] = t(col[s]!);
    });
  }

  private columns(): Column[] {
    return [
      this.workId, this.flags, this.lang, this.words, this.hits, this.kudos, this.comments, this.bookmarks,
      this.posted, this.revised, this.titleRank, this.creatorRank,
    ];
  }

  /**
   * Shrinks the columns to the slots in use plus a little room, when growth (or a reservation
   * counting drafts) left much more; a few percent spare is not worth a copy of every column.
   */
  private *trimSteps(): Steps {
    const want = this.slotCount + Math.max(1024, this.slotCount >> 5);
    if (this.cap > want + Math.max(1024, this.slotCount >> 5)) yield* this.resizeSteps(want);
    let maxId = 0;
    yield* inRanges(this.slotCount, (from, to) => {
      for (let s = from; s < to; s++) maxId = Math.max(maxId, this.workId[s]!);
    });
    if (this.slotByWork.length > maxId * 1.1 + 1024) {
      const byWork = new Int32Array(Math.ceil(maxId * 1.05) + 1024).fill(-1);
      byWork.set(this.slotByWork.subarray(0, byWork.length));
      this.slotByWork = byWork;
    }
    yield* this.tags.trimSteps(this.cap);
  }

  private grow(cap: number): void {
    this.resize(cap);
  }

  private resize(cap: number): void {
    runSteps(this.resizeSteps(cap));
  }

  /** Reallocates every column for `cap` slots, one column per step. */
  private *resizeSteps(cap: number): Steps {
    const resized = <T extends Column>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.length > cap ? a.subarray(0, cap) : a);
      return b;
    };
    this.workId = resized(this.workId, (n) => new Uint32Array(n));
    this.flags = resized(this.flags, (n) => new Uint8Array(n));
    this.lang = this.lang instanceof Uint8Array ? resized(this.lang, (n) => new Uint8Array(n)) : resized(this.lang, (n) => new Uint16Array(n));
    yield;
    this.words = resized(this.words, (n) => new Uint32Array(n));
    this.hits = resized(this.hits, (n) => new Uint32Array(n));
    yield;
    this.kudos = resized(this.kudos, (n) => new Uint32Array(n));
    this.comments = resized(this.comments, (n) => new Uint32Array(n));
    yield;
    this.bookmarks = resized(this.bookmarks, (n) => new Uint32Array(n));
    this.posted = resized(this.posted, (n) => new Float64Array(n));
    yield;
    this.revised = resized(this.revised, (n) => new Float64Array(n));
    this.titleRank = resized(this.titleRank, (n) => new Uint32Array(n));
    this.creatorRank = resized(this.creatorRank, (n) => new Uint32Array(n));
    this.tags.growSlots(cap);
    this.cap = cap;
  }
}
