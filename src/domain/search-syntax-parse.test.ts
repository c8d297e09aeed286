import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Invalid } from './errors.ts';
import { MAX_SEARCH_TERMS, parseSearchText } from './search-syntax-parse.ts';
import type { SearchExpr, SearchTerm } from './search-syntax.ts';

/** The tokens of every clause, for assertions that only care what is looked for. */
function words(expr: SearchExpr): { all: string[][][]; none: string[][] } {
  return { all: expr.all.map((clause) => clause.map((t) => t.tokens)), none: expr.none.map((t) => t.tokens) };
}

function only(expr: SearchExpr): SearchTerm {
  assert.equal(expr.all.length, 1);
  assert.equal(expr.all[0]?.length, 1);
  const term = expr.all[0]?.[0];
  assert.ok(term);
  return term;
}

function rejects(text: string, pattern: RegExp): void {
  assert.throws(
    () => parseSearchText(text),
    (error: unknown) => {
      assert.ok(error instanceof Invalid);
      assert.match(error.message, /^q: /);
      assert.match(error.message, pattern);
      assert.equal(error.details?.q, error.message);
      return true;
    },
  );
}

describe('parseSearchText', () => {
  it('requires every word, folded like the index', () => {
    assert.deepEqual(words(parseSearchText('Dragon  RIDER')), { all: [[['dragon']], [['rider']]], none: [] });
    const term = only(parseSearchText('Éléonore'));
    assert.deepEqual(term, { kind: 'term', tokens: ['eleonore'], phrase: false, source: 'Éléonore' });
  });

  it('drops apostrophes inside words, as the index does', () => {
    assert.deepEqual(only(parseSearchText("Draco's")).tokens, ['dracos']);
    assert.deepEqual(only(parseSearchText('Draco’s')).tokens, ['dracos']);
  });

  it('reads quoted phrases, including curly quotes from phones', () => {
    const term = only(parseSearchText('"Slow Burn"'));
    assert.deepEqual(term.tokens, ['slow', 'burn']);
    assert.equal(term.phrase, true);
    assert.equal(term.source, '"Slow Burn"');
    assert.deepEqual(only(parseSearchText('“slow burn”')).tokens, ['slow', 'burn']);
    assert.deepEqual(words(parseSearchText('owl "slow burn" tea')).all, [[['owl']], [['slow', 'burn']], [['tea']]]);
  });

  it('treats an unbalanced quote as a phrase to the end', () => {
    const expr = parseSearchText('owl "slow burn');
    assert.deepEqual(words(expr).all, [[['owl']], [['slow', 'burn']]]);
    assert.equal(expr.all[1]?.[0]?.phrase, true);
  });

  it('makes a word that splits on punctuation a phrase, so it is found as written', () => {
    const term = only(parseSearchText('Draco/Harry'));
    assert.deepEqual(term.tokens, ['draco', 'harry']);
    assert.equal(term.phrase, true);
    assert.deepEqual(only(parseSearchText('e-mail')).tokens, ['e', 'mail']);
  });

  it('searches CJK text as a substring: one token per character, adjacent', () => {
    const term = only(parseSearchText('龍の書'));
    assert.deepEqual(term.tokens, ['龍', 'の', '書']);
    assert.equal(term.phrase, true);
    assert.equal(only(parseSearchText('龍')).phrase, false);
    assert.deepEqual(words(parseSearchText('鬼滅 刃')).all, [[['鬼', '滅']], [['刃']]]);
    // Hangul is written with spaces, so its words stay whole.
    assert.deepEqual(only(parseSearchText('김민수')).tokens, ['김민수']);
  });

  it('excludes -words and -"phrases"', () => {
    const expr = parseSearchText('dragon -angst -"major character death"');
    assert.deepEqual(words(expr), { all: [[['dragon']]], none: [['angst'], ['major', 'character', 'death']] });
    assert.equal(expr.none[1]?.phrase, true);
    assert.equal(expr.none[0]?.source, 'angst');
  });

  it('keeps hyphens inside words and ignores a lone dash', () => {
    assert.deepEqual(words(parseSearchText('well-known - owl')), { all: [[['well', 'known']], [['owl']]], none: [] });
  });

  it('groups terms joined by OR or | into one clause', () => {
    assert.deepEqual(words(parseSearchText('dragon OR wyvern rider')).all, [[['dragon'], ['wyvern']], [['rider']]]);
    assert.deepEqual(words(parseSearchText('a OR b OR "c d"')).all, [[['a'], ['b'], ['c', 'd']]]);
    assert.deepEqual(words(parseSearchText('dragon|wyvern | drake')).all, [[['dragon'], ['wyvern'], ['drake']]]);
  });

  it('reads lower-case "or" as a word and ignores a dangling OR', () => {
    assert.deepEqual(words(parseSearchText('this or that')).all, [[['this']], [['or']], [['that']]]);
    assert.deepEqual(words(parseSearchText('OR dragon OR')).all, [[['dragon']]]);
    assert.deepEqual(words(parseSearchText('"OR"')).all, [[['or']]]);
  });

  it('refuses an exclusion on either side of OR, which the query cannot express', () => {
    rejects('dragon OR -angst', /"-angst" excludes a term, so it cannot be one side of OR/);
    rejects('-angst OR dragon', /"-angst"/);
  });

  it('limits terms to a field with a prefix, before a word or a phrase', () => {
    const title = only(parseSearchText('title:Dragon'));
    assert.equal(title.field, 'title');
    assert.deepEqual(title.tokens, ['dragon']);
    const tag = only(parseSearchText('tag:"slow burn"'));
    assert.deepEqual({ field: tag.field, tokens: tag.tokens, phrase: tag.phrase, source: tag.source }, { field: 'tag', tokens: ['slow', 'burn'], phrase: true, source: 'tag:"slow burn"' });
    const fields = parseSearchText('summary:owl creator:Ana notes:tea TITLE: moon body:river').all.map((c) => c[0]?.field);
    assert.deepEqual(fields, ['summary', 'creator', 'notes', 'title', 'body']);
    // AO3 spells it creators:.
    assert.equal(only(parseSearchText('creators:ana')).field, 'creator');
  });

  it('combines prefixes with exclusion and OR', () => {
    const expr = parseSearchText('title:dragon OR summary:dragon -tag:angst');
    assert.deepEqual(expr.all[0]?.map((t) => t.field), ['title', 'summary']);
    assert.equal(expr.none[0]?.field, 'tag');
    assert.deepEqual(expr.none[0]?.tokens, ['angst']);
  });

  it('reads unknown prefixes as text', () => {
    const term = only(parseSearchText('http://example.com/owl'));
    assert.equal(term.field, undefined);
    assert.deepEqual(term.tokens, ['http', 'example', 'com', 'owl']);
    assert.equal(only(parseSearchText('warning:none')).field, undefined);
  });

  it('drops punctuation-only words', () => {
    assert.deepEqual(words(parseSearchText('dragon !!! ... rider')).all, [[['dragon']], [['rider']]]);
  });

  it('needs at least one word to look for', () => {
    rejects('-angst', /needs at least one word to look for/);
    rejects('-angst -"major character death"', /exclusions/);
    rejects('!!! ...', /needs at least one word to look for/);
    rejects('   ', /needs at least one word/);
    rejects('title:', /needs at least one word/);
  });

  it(`allows at most ${MAX_SEARCH_TERMS} words and phrases`, () => {
    const many = Array.from({ length: MAX_SEARCH_TERMS }, (_, i) => `w${i}`);
    assert.equal(parseSearchText(many.join(' ')).all.length, MAX_SEARCH_TERMS);
    rejects([...many, 'one-more'].join(' '), /at most 32/);
    rejects([...many.slice(1), '-x', '-y'].join(' '), /has 33 words and phrases/);
  });
});
