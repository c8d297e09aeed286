// Rendered pages kept for guests (as AO3 keeps them for logged-out readers): a work page costs
// about twenty queries and a listing a trip through the discovery index, while most readers of a
// popular work or tag are guests who all get the same bytes — except for their CSRF token, which
// is cut out when a page is stored and put back for each reader.
//
// Freshness follows the work change log (migration 006, and 013 for comments and series), read
// before every answer from the cache, so a change made by any process is seen at once:
// - a change to a work's own content, tags or creators (posting, editing, hiding, deleting,
//   restricting, making anonymous, wrangling) empties the whole cache: other pages name that work
//   (listings, series neighbours), and such writes are rare next to reads;
// - a counter, comment or series change drops the pages of the works it names; listings keep
//   their counts until they expire (LISTING_TTL_MS), as on AO3 where counts lag a little;
// - a hit alone (kind 'hits') drops nothing: a popular work's page would otherwise be dropped at
//   every new visitor. Its hit count lags until the page expires.
// Entries also expire after a while regardless (WORK_TTL_MS), for what no log records (a user's
// renamed login in a kudos list) and for the hit count.
import type { Db } from '../db/types.ts';
import { isCounterChange, latestChangeSeq } from '../db/repos/work-changes.repo.ts';
import { ChangeFeed } from '../search/change-feed.ts';
import { FollowUpRun } from '../search/follow-up-run.ts';

export const WORK_TTL_MS = 5 * 60_000;
export const LISTING_TTL_MS = 60_000;
/** Pages larger than this are not kept (a huge entire-work view would crowd out many pages). */
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

export interface CachedPage {
  /** The page cut at each occurrence of the CSRF token: join with the reader's own. */
  parts: Buffer[];
  contentType: string;
  /** The work a work or chapter page shows; null for listings. */
  workId: number | null;
  expires: number;
  bytes: number;
}

export class GuestPageCache {
  readonly #db: Db;
  readonly #maxBytes: number;
  readonly #now: () => number;
  readonly #pages = new Map<string, CachedPage>();
  readonly #byWork = new Map<number, Set<string>>();
  #bytes = 0;
  #feed: ChangeFeed | null = null;
  readonly #refresh = new FollowUpRun(() => this.#poll());

  constructor(db: Db, maxBytes: number, now: () => number = Date.now) {
    this.#db = db;
    this.#maxBytes = maxBytes;
    this.#now = now;
  }

  get size(): number {
    return this.#pages.size;
  }

  /**
   * Brings the cache up to date with the change log; each caller sees every change committed
   * before it asked (FollowUpRun).
   */
  refresh(): Promise<void> {
    return this.#refresh.run();
  }

  async #poll(): Promise<void> {
    if (!this.#feed) {
      // Nothing is cached before the first look, so nothing can be stale.
      this.#feed = new ChangeFeed(await latestChangeSeq(this.#db), this.#now);
      return;
    }
    const batch = await this.#feed.poll(this.#db);
    if (batch.rebuild) return this.clear();
    for (const [workId, kinds] of batch.works) {
      if ([...kinds].some((kind) => !isCounterChange(kind))) return this.clear();
      if (kinds.has('stats')) this.#dropWork(workId);
    }
  }

  /** The fresh entry for `key`, if any (call refresh() first). */
  get(key: string): CachedPage | null {
    const page = this.#pages.get(key);
    if (!page) return null;
    if (page.expires <= this.#now()) {
      this.#delete(key);
      return null;
    }
    // Map order is insertion order: moving a hit to the end keeps the first key least recently used.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return page;
  }

  /**
   * Keeps a page rendered for a guest, unless a change was logged since it was rendered (the
   * caller passes the feed position it saw before rendering; see position).
   */
  set(key: string, body: Buffer, token: string, contentType: string, workId: number | null, renderedAt: number): void {
    if (this.#maxBytes <= 0 || body.length > MAX_ENTRY_BYTES || !this.#feed || this.#feed.position !== renderedAt) return;
    this.#delete(key);
    const parts = token === '' ? [body] : splitBuffer(body, Buffer.from(token));
    const page: CachedPage = { parts, contentType, workId, expires: this.#now() + (workId === null ? LISTING_TTL_MS : WORK_TTL_MS), bytes: body.length };
    this.#pages.set(key, page);
    this.#bytes += page.bytes;
    if (workId !== null) {
      let keys = this.#byWork.get(workId);
      if (!keys) this.#byWork.set(workId, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.#pages.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest);
    }
  }

  /** Where the change log stood at the last refresh: a page is stored only if it still stands there. */
  get position(): number {
    return this.#feed?.position ?? -1;
  }

  clear(): void {
    this.#pages.clear();
    this.#byWork.clear();
    this.#bytes = 0;
  }

  #dropWork(workId: number): void {
    for (const key of this.#byWork.get(workId) ?? []) this.#delete(key);
    this.#byWork.delete(workId);
  }

  #delete(key: string): void {
    const page = this.#pages.get(key);
    if (!page) return;
    this.#pages.delete(key);
    this.#bytes -= page.bytes;
    if (page.workId !== null) this.#byWork.get(page.workId)?.delete(key);
  }
}

/** The page with `token` put back between its parts. */
export function joinPage(parts: readonly Buffer[], token: string): Buffer {
  if (parts.length === 1) return parts[0]!;
  const glue = Buffer.from(token);
  const pieces: Buffer[] = [];
  parts.forEach((part, i) => (i === 0 ? pieces.push(part) : pieces.push(glue, part)));
  return Buffer.concat(pieces);
}

function splitBuffer(body: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(separator, from); at !== -1; at = body.indexOf(separator, from)) {
    parts.push(body.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(body.subarray(from));
  return parts;
}
