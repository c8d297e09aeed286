import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEARCH_KEY_MAX, foldText, prefixUpperBound, searchKeys, searchPrefix, searchTier, searchWords } from './tag-search.ts';

describe('tag search folding', () => {
  it('lower-cases and removes accents', () => {
    assert.deepEqual(searchWords('Éléonore Dubois'), ['eleonore', 'dubois']);
    assert.deepEqual(searchWords('MAÑANA Ångström'), ['manana', 'angstrom']);
    assert.equal(searchPrefix('ÉLÉ'), 'ele');
  });

  it('spells out letters without a decomposition and unifies compatibility forms', () => {
    assert.deepEqual(searchWords('Bjørn Straße Æsir'), ['bjorn', 'strasse', 'aesir']);
    assert.deepEqual(searchWords('Ｄｒａｃｏ'), ['draco']);
    assert.deepEqual(searchWords('İstanbul'), ['istanbul']);
    // Greek final sigma: what is typed so far ends in ς, the stored name has σ there.
    assert.equal(searchPrefix('ΟΔΥΣ'), 'οδυσ');
    assert.deepEqual(searchWords('ΟΔΥΣΣΕΥΣ'), ['οδυσσευσ']);
  });

  it('splits on punctuation and spaces, keeping apostrophes inside words', () => {
    assert.deepEqual(searchWords('Draco Malfoy/Harry Potter (Young)'), ['draco', 'malfoy', 'harry', 'potter', 'young']);
    assert.deepEqual(searchWords("Draco's Owl"), ['dracos', 'owl']);
    assert.deepEqual(searchWords('J. K. Rowling'), ['j', 'k', 'rowling']);
    assert.deepEqual(searchWords('  !!! '), []);
  });

  it('makes each Han, Hiragana and Katakana character a word, keeping kana voicing', () => {
    assert.deepEqual(searchWords('鬼滅の刃'), ['鬼', '滅', 'の', '刃']);
    assert.deepEqual(searchWords('ｶﾞﾝﾀﾞﾑ'), ['ガ', 'ン', 'ダ', 'ム']);
    assert.notEqual(searchPrefix('ガ'), searchPrefix('カ'));
    assert.deepEqual(searchWords('김민수 Kim'), ['김민수', 'kim']);
  });

  it('keys every word with the rest of the name', () => {
    assert.deepEqual(searchKeys('Draco Malfoy/Harry Potter'), [
      { key: 'draco malfoy harry potter', first: true },
      { key: 'malfoy harry potter', first: false },
      { key: 'harry potter', first: false },
      { key: 'potter', first: false },
    ]);
    assert.deepEqual(searchKeys('Bob Bob'), [{ key: 'bob bob', first: true }, { key: 'bob', first: false }]);
    const long = searchKeys('word '.repeat(40));
    assert.ok(long.every((k) => Array.from(k.key).length <= SEARCH_KEY_MAX));
    assert.equal(Array.from(searchPrefix('𠀀'.repeat(60))).length, SEARCH_KEY_MAX, 'cut by code points');
  });

  it('bounds a prefix range and ranks canonical first-word matches first', () => {
    assert.ok(prefixUpperBound('dra') > 'dra');
    assert.deepEqual([searchTier(true, true), searchTier(true, false), searchTier(false, true), searchTier(false, false)], [0, 1, 2, 3]);
    assert.equal(foldText('Ａ'), 'a');
  });
});
