// The sort-key dictionary of the discovery index (discovery-keys.ts) on its own: ranks order like
// the keys' bytes, equal keys share one rank, a rank gives its key back, and the ranks held
// outside (one per work) stay right through sealing, new keys, renumbering when a gap or the
// side list runs out, and compaction.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { SortKeyDict, keyBytes, type Translate } from '../../src/search/discovery-keys.ts';
import { runSteps, type Steps } from '../../src/search/discovery-slices.ts';

/** A holder of ranks, like the store's title column: one rank per "work". */
class Holder {
  ranks = new Uint32Array(1024);
  keys: string[] = [];
  renumberings = 0;
  readonly dict = new SortKeyDict((translate) => this.translate(translate));

  private *translate(translate: Translate): Steps {
    this.renumberings++;
    for (let i = 0; i < this.keys.length; i++) this.ranks[i] = translate(this.ranks[i]!);
    yield;
  }

  private room(): void {
    if (this.keys.length < this.ranks.length) return;
    const grown = new Uint32Array(this.ranks.length * 2);
    grown.set(this.ranks);
    this.ranks = grown;
  }

  add(key: string): void {
    this.room();
    this.ranks[this.keys.length] = this.dict.add(key);
    this.keys.push(key);
  }

  intern(key: string): void {
    this.room();
    const i = this.keys.length;
    this.keys.push(key);
    // Interning may translate every rank already held (the new one's slot included): write after.
    const rank = this.dict.intern(key);
    this.ranks[i] = rank;
  }

  /** Every held rank gives its key back and ranks order exactly like the keys' bytes. */
  check(): void {
    const bytes = (k: string) => Buffer.from(keyBytes(k));
    const order = this.keys.map((k, i) => ({ k: bytes(k), r: this.ranks[i]!, text: k }));
    for (const { r, text } of order) assert.equal(this.dict.keyString(r), Buffer.from(keyBytes(text)).toString('utf8'));
    order.sort((a, b) => Buffer.compare(a.k, b.k));
    for (let i = 1; i < order.length; i++) {
      const c = Buffer.compare(order[i - 1]!.k, order[i]!.k);
      if (c === 0) assert.equal(order[i - 1]!.r, order[i]!.r, `equal keys share a rank: ${order[i]!.text}`);
      else assert.ok(order[i - 1]!.r < order[i]!.r, `${order[i - 1]!.text} ranks below ${order[i]!.text}`);
    }
  }
}

let seed = 11;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};
const word = (): string => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => 'abcdéz日'[Math.floor(rand() * 8)]).join('');

describe('discovery sort-key dictionary', () => {
  it('ranks keys in byte order after sealing, one rank per distinct key', () => {
    const h = new Holder();
    for (let i = 0; i < 5000; i++) h.add(word());
    h.add('x'.repeat(200));
    h.add(`${'x'.repeat(64)}y`);
    runSteps(h.dict.sealSteps());
    h.check();
    assert.equal(h.dict.size, new Set(h.keys.map((k) => Buffer.from(keyBytes(k)).toString('hex'))).size);
  });

  it('places new keys between their neighbours, renumbering when a gap or the side list runs out', () => {
    const h = new Holder();
    for (let i = 0; i < 2000; i++) h.add(word());
    runSteps(h.dict.sealSteps());
    const sealed = h.renumberings;
    // Each key lands in the same ever smaller gap ("m", "ma", "maa", … all below "mb").
    for (let k = 0; k < 40; k++) h.intern(`m${'a'.repeat(k)}`);
    h.check();
    assert.ok(h.renumberings > sealed, 'the gap ran out at least once');
    // More new keys than the side list holds.
    for (let i = 0; i < 9000; i++) h.intern(`${word()}${i}`);
    h.check();
    // Existing keys are found, not added again.
    const size = h.dict.size;
    for (let i = 0; i < 100; i++) h.intern(h.keys[Math.floor(rand() * h.keys.length)]!);
    assert.equal(h.dict.size, size);
    h.check();
  });

  it('locates a missing key strictly between its neighbours', () => {
    const h = new Holder();
    for (const k of ['apple', 'cherry', 'plum']) h.add(k);
    runSteps(h.dict.sealSteps());
    h.intern('fig');
    const rank = (k: string) => h.ranks[h.keys.indexOf(k)]!;
    const banana = h.dict.locate('banana');
    assert.ok(rank('apple') < banana && banana < rank('cherry'));
    assert.equal(h.dict.locate('fig'), rank('fig'));
    const grape = h.dict.locate('grape');
    assert.ok(rank('fig') < grape && grape < rank('plum'));
    assert.ok(h.dict.locate('zzz') > rank('plum'));
    assert.ok(h.dict.locate('') < rank('apple'));
  });

  it('drops keys no holder uses when compacted, translating the ranks kept', () => {
    const h = new Holder();
    for (let i = 0; i < 3000; i++) h.add(`${word()}-${i % 700}`);
    runSteps(h.dict.sealSteps());
    for (let i = 0; i < 500; i++) h.intern(`${word()}+${i}`);
    // Keep every third holder, as compaction keeps the live slots.
    const keep = h.keys.map((_, i) => i % 3 === 0);
    const kept = new Uint32Array(h.keys.length);
    let n = 0;
    h.keys.forEach((_, i) => {
      if (keep[i]) kept[n++] = h.ranks[i]!;
    });
    h.keys = h.keys.filter((_, i) => keep[i]);
    h.ranks = kept;
    runSteps(h.dict.rebuildSteps({ ranks: h.ranks, n }));
    assert.equal(h.dict.size, new Set(h.keys.map((k) => Buffer.from(keyBytes(k)).toString('hex'))).size);
    h.check();
    h.intern('brand new');
    h.check();
  });
});
