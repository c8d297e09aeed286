// The columns of the discovery index: one dense slot per visible work (posted, not hidden by an
// admin), each attribute in its own typed array so a filter pass over a million works touches a
// few megabytes, not a million objects.
//
// A work's slot is updated in place when its counters, dates, flags, title or creator change.
// When its filter set changes it moves to a new slot at the end and the old one is marked dead,
// which keeps every posting list append-only and sorted (discovery-tags.ts). compact() squeezes
// dead slots out once they are a large share, renumbering in place (no second copy of the index).
import type { DiscoveryCounters, DiscoveryRow } from '../db/repos/discovery.repo.ts';
import { ANONYMOUS, COMPLETE, CROSSOVER, LIVE, RESTRICTED, SINGLE_CHAPTER, UNKNOWN_TYPE } from './discovery-flags.ts';
import { SortKeyDict, creatorSortKey, titleSortKey } from './discovery-keys.ts';
import { TagIndex, type TagIndexOptions } from './discovery-tags.ts';

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
  lang = new Uint16Array(0);
  words = new Uint32Array(0);
  hits = new Uint32Array(0);
  kudos = new Uint32Array(0);
  comments = new Uint32Array(0);
  bookmarks = new Uint32Array(0);
  /** Epoch seconds. Float64 keeps milliseconds and dates far outside 1970–2106 (old fanzines). */
  posted = new Float64Array(0);
  revised = new Float64Array(0);
  /** Sort key ids (in `titles` / `creators`) and copies of their ranks (see rankColumn). */
  titleKey = new Uint32Array(0);
  creatorKey = new Uint32Array(0);
  private titleRank = new Uint32Array(0);
  private creatorRank = new Uint32Array(0);
  private titleRankVersion = -1;
  private creatorRankVersion = -1;
  private slotByWork = new Int32Array(1024).fill(-1);
  readonly tags: TagIndex;
  readonly titles = new SortKeyDict();
  readonly creators = new SortKeyDict();
  private readonly languages = new Map<string, number>();
  private building = true;
  /** Creator keys repeat (one per creator, not per work): deduplicated while building. */
  private buildCreatorKeys: Map<string, number> | null = new Map();
  private readonly dense: number[] = [];

  constructor(options: StoreOptions = {}) {
    this.tags = new TagIndex(options);
    this.grow(1024);
  }

  get deadCount(): number {
    return this.slotCount - this.liveCount;
  }

  slotOf(workId: number): number {
    return workId < this.slotByWork.length ? this.slotByWork[workId]! : -1;
  }

  /** The dense number of a language code, -1 when no loaded work uses it. */
  languageIndex(code: string): number {
    return this.languages.get(code) ?? -1;
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
    this.tags.renumberByFrequency(this.slotCount);
    this.titles.seal();
    this.creators.seal();
    this.buildCreatorKeys = null;
    this.trim();
    this.tags.transpose(this.slotCount, this.flags, this.cap);
    this.building = false;
  }

  /**
   * Title or creator rank of every slot, as a column: reading ranks through the key ids costs a
   * cache miss per work when sorting a large result; the copy is refreshed only after the
   * dictionary renumbered its ranks.
   */
  rankColumn(sort: 'title' | 'creator'): Uint32Array {
    const dict = sort === 'title' ? this.titles : this.creators;
    const keys = sort === 'title' ? this.titleKey : this.creatorKey;
    const col = sort === 'title' ? this.titleRank : this.creatorRank;
    const version = sort === 'title' ? this.titleRankVersion : this.creatorRankVersion;
    if (version !== dict.version) {
      const ranks = dict.ranks;
      for (let s = 0; s < this.slotCount; s++) col[s] = ranks[keys[s]!]!;
      if (sort === 'title') this.titleRankVersion = dict.version;
      else this.creatorRankVersion = dict.version;
    }
    return col;
  }

  /** Squeezes out dead slots (and sort keys no live work uses), keeping slot order. */
  compact(): void {
    this.version++;
    const old = this.slotCount;
    const remap = new Int32Array(old);
    let n = 0;
    for (let s = 0; s < old; s++) {
      remap[s] = this.flags[s]! & LIVE ? n++ : -1;
      const ns = remap[s]!;
      if (ns < 0 || ns === s) continue;
      for (const col of this.columns()) col[ns] = col[s]!;
    }
    this.flags.fill(0, n, old);
    this.slotCount = n;
    this.liveCount = n;
    this.tags.compactSlots(remap, old, n, this.flags, this.cap);
    for (let s = 0; s < n; s++) this.slotByWork[this.workId[s]!] = s;
    for (const [dict, keys] of [
      [this.titles, this.titleKey],
      [this.creators, this.creatorKey],
    ] as const) {
      const used = new Uint8Array(dict.size);
      for (let s = 0; s < n; s++) used[keys[s]!] = 1;
      const keyRemap = dict.compact(used);
      for (let s = 0; s < n; s++) keys[s] = keyRemap[keys[s]!]!;
    }
    this.trim();
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

  private writeColumns(s: number, row: DiscoveryRow): void {
    this.flags[s] = flagsOf(row);
    let lang = this.languages.get(row.language);
    if (lang === undefined) this.languages.set(row.language, (lang = this.languages.size));
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
      this.titleKey[s] = this.titles.add(title);
      let key = this.buildCreatorKeys!.get(creator);
      if (key === undefined) this.buildCreatorKeys!.set(creator, (key = this.creators.add(creator)));
      this.creatorKey[s] = key;
    } else {
      // Interning may renumber ranks; rankColumn notices by the version and refreshes them all.
      const t = (this.titleKey[s] = this.titles.intern(title));
      this.titleRank[s] = this.titles.ranks[t]!;
      const c = (this.creatorKey[s] = this.creators.intern(creator));
      this.creatorRank[s] = this.creators.ranks[c]!;
    }
  }

  private columns(): Array<Uint8Array | Uint16Array | Uint32Array | Float64Array> {
    return [
      this.workId, this.flags, this.lang, this.words, this.hits, this.kudos, this.comments, this.bookmarks,
      this.posted, this.revised, this.titleKey, this.creatorKey, this.titleRank, this.creatorRank,
    ];
  }

  /** Shrinks the columns to the slots in use plus a little room (growth left them up to 1/3 empty). */
  private trim(): void {
    this.resize(this.slotCount + Math.max(1024, this.slotCount >> 5));
    let maxId = 0;
    for (let s = 0; s < this.slotCount; s++) maxId = Math.max(maxId, this.workId[s]!);
    if (this.slotByWork.length > maxId * 1.1 + 1024) {
      const byWork = new Int32Array(Math.ceil(maxId * 1.05) + 1024).fill(-1);
      byWork.set(this.slotByWork.subarray(0, byWork.length));
      this.slotByWork = byWork;
    }
    this.tags.trim(this.cap);
  }

  private grow(cap: number): void {
    this.resize(cap);
  }

  private resize(cap: number): void {
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.length > cap ? a.subarray(0, cap) : a);
      return b;
    };
    this.workId = grow(this.workId, (n) => new Uint32Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.lang = grow(this.lang, (n) => new Uint16Array(n));
    this.words = grow(this.words, (n) => new Uint32Array(n));
    this.hits = grow(this.hits, (n) => new Uint32Array(n));
    this.kudos = grow(this.kudos, (n) => new Uint32Array(n));
    this.comments = grow(this.comments, (n) => new Uint32Array(n));
    this.bookmarks = grow(this.bookmarks, (n) => new Uint32Array(n));
    this.posted = grow(this.posted, (n) => new Float64Array(n));
    this.revised = grow(this.revised, (n) => new Float64Array(n));
    this.titleKey = grow(this.titleKey, (n) => new Uint32Array(n));
    this.creatorKey = grow(this.creatorKey, (n) => new Uint32Array(n));
    this.titleRank = grow(this.titleRank, (n) => new Uint32Array(n));
    this.creatorRank = grow(this.creatorRank, (n) => new Uint32Array(n));
    this.tags.growSlots(cap);
    this.cap = cap;
  }
}
