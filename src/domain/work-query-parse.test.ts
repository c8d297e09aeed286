import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Invalid } from './errors.ts';
import { MAX_EXCLUDED_TAGS, MAX_INCLUDED_TAGS, MAX_QUERY_TEXT, parseWorkQuery, workQueryToParams } from './work-query-parse.ts';
import type { ListingParams, WorkQuery } from './work-query.ts';

// A Wednesday afternoon, UTC.
const NOW = new Date('2024-03-13T15:30:00.000Z');

function parse(params: ListingParams, now = NOW): WorkQuery {
  return parseWorkQuery(params, now);
}

/** Query-string pairs grouped the way the HTTP layer hands them over. */
function grouped(pairs: Array<[string, string]>): ListingParams {
  const params: Record<string, string[]> = {};
  for (const [key, value] of pairs) (params[key] ??= []).push(value);
  return params;
}

function rejects(params: ListingParams, param: string, pattern: RegExp, now = NOW): void {
  assert.throws(
    () => parseWorkQuery(params, now),
    (error: unknown) => {
      assert.ok(error instanceof Invalid, String(error));
      assert.ok(error.message.startsWith(`${param}: `), error.message);
      assert.match(error.message, pattern);
      assert.deepEqual(error.details, { [param]: error.message });
      return true;
    },
  );
}

describe('parseWorkQuery: defaults and text', () => {
  it('gives an unfiltered listing, newest updates first, when nothing is asked', () => {
    assert.deepEqual(parse({}), { include: [], exclude: [], sort: 'updated', order: 'desc' });
  });

  it('treats empty form fields as not given', () => {
    const empty = { q: '  ', tag: ['', ' '], complete: '', words: '', posted: '', sort: '', order: '', language: '' };
    assert.deepEqual(parse(empty), parse({}));
  });

  it('parses q into a search and sorts by best match', () => {
    const query = parse({ q: '  dragon -angst ' });
    assert.equal(query.text, 'dragon -angst');
    assert.deepEqual(query.search?.all.map((c) => c.map((t) => t.tokens)), [[['dragon']]]);
    assert.deepEqual(query.search?.none.map((t) => t.tokens), [['angst']]);
    assert.equal(query.sort, 'best');
    assert.equal(query.order, 'desc');
  });

  it('refuses a q with nothing to look for, or too long', () => {
    rejects({ q: '-angst' }, 'q', /needs at least one word to look for/);
    rejects({ q: 'a'.repeat(MAX_QUERY_TEXT + 1) }, 'q', /longer than 500 characters/);
    assert.equal(parse({ q: '龍'.repeat(MAX_QUERY_TEXT) }).text?.length, MAX_QUERY_TEXT);
  });

  it('refuses a single-valued parameter given twice', () => {
    rejects({ complete: ['true', 'false'] }, 'complete', /given 2 times/);
    rejects({ q: ['a', 'b'] }, 'q', /give it once/);
    assert.equal(parse({ complete: ['', 'true'] }).complete, true);
  });
});

describe('parseWorkQuery: tags', () => {
  it('reads tag and exclude (repeatable) and the typed includes', () => {
    const query = parse({
      tag: ['Fluff', 'Slow Burn'],
      exclude: 'Major Character Death',
      fandom: 'Original Work',
      rating: 'General Audiences',
      warning: 'No Archive Warnings Apply',
      category: 'F/M',
      relationship: 'Ana/Bea',
      character: ['Ana', 'Bea'],
      freeform: 'Tea',
    });
    assert.deepEqual(query.include, [
      { name: 'Fluff' },
      { name: 'Slow Burn' },
      { name: 'General Audiences', type: 'rating' },
      { name: 'No Archive Warnings Apply', type: 'warning' },
      { name: 'F/M', type: 'category' },
      { name: 'Original Work', type: 'fandom' },
      { name: 'Ana/Bea', type: 'relationship' },
      { name: 'Ana', type: 'character' },
      { name: 'Bea', type: 'character' },
      { name: 'Tea', type: 'freeform' },
    ]);
    assert.deepEqual(query.exclude, [{ name: 'Major Character Death' }]);
  });

  it("splits AO3's comma-separated tag fields, tidies spaces and drops repeats", () => {
    const query = parse({ tag: ['Fluff,  Slow   Burn ,', 'fluff'], exclude: 'Angst,Angst' });
    assert.deepEqual(query.include, [{ name: 'Fluff' }, { name: 'Slow Burn' }]);
    assert.deepEqual(query.exclude, [{ name: 'Angst' }]);
  });

  it('limits how many tags and how long a name', () => {
    const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `Tag ${i}`);
    assert.equal(parse({ tag: names(MAX_INCLUDED_TAGS) }).include.length, MAX_INCLUDED_TAGS);
    rejects({ tag: names(30), freeform: names(MAX_INCLUDED_TAGS - 29) }, 'tag', /at most 50/);
    rejects({ exclude: names(MAX_EXCLUDED_TAGS + 1) }, 'exclude', /at most 50/);
    rejects({ fandom: 'x'.repeat(151) }, 'fandom', /longer than 150 characters/);
  });
});

describe('parseWorkQuery: choices', () => {
  it('reads crossover, also in AO3 spelling', () => {
    assert.equal(parse({ crossover: 'only' }).crossover, 'only');
    assert.equal(parse({ crossover: 'exclude' }).crossover, 'exclude');
    assert.equal(parse({ crossover: 'T' }).crossover, 'only');
    assert.equal(parse({ crossover: 'F' }).crossover, 'exclude');
    // "include" means no restriction, the same as leaving it out.
    assert.equal(parse({ crossover: 'include' }).crossover, undefined);
    rejects({ crossover: 'maybe' }, 'crossover', /"maybe" is not one of include, exclude, only/);
  });

  it('reads complete and single_chapter', () => {
    assert.equal(parse({ complete: 'true' }).complete, true);
    assert.equal(parse({ complete: 'false' }).complete, false);
    assert.equal(parse({ complete: 'T' }).complete, true);
    rejects({ complete: 'yes please' }, 'complete', /not one of true, false/);
    assert.equal(parse({ single_chapter: 'true' }).singleChapter, true);
    assert.equal(parse({ single_chapter: '1' }).singleChapter, true);
    assert.equal(parse({ single_chapter: 'false' }).singleChapter, undefined);
    rejects({ single_chapter: 'two' }, 'single_chapter', /"two"/);
  });

  it('reads a language by code or name, and writes the code', () => {
    assert.equal(parse({ language: 'ja' }).language, 'ja');
    assert.equal(parse({ language: 'pt-br' }).language, 'pt-BR');
    assert.equal(parse({ language: 'Deutsch' }).language, 'de');
    rejects({ language: 'klingon' }, 'language', /"klingon" is not a language/);
  });

  it('reads sort and order with their defaults', () => {
    assert.deepEqual(pick(parse({ sort: 'kudos' })), { sort: 'kudos', order: 'desc' });
    assert.deepEqual(pick(parse({ sort: 'title' })), { sort: 'title', order: 'asc' });
    assert.deepEqual(pick(parse({ sort: 'creator' })), { sort: 'creator', order: 'asc' });
    assert.deepEqual(pick(parse({ sort: 'words', order: 'asc' })), { sort: 'words', order: 'asc' });
    assert.deepEqual(pick(parse({ q: 'owl', sort: 'posted' })), { sort: 'posted', order: 'desc' });
    rejects({ sort: 'random' }, 'sort', /"random" is not one of best, creator, title/);
    rejects({ order: 'up' }, 'order', /not one of asc, desc/);
  });

  it("accepts AO3's sort columns", () => {
    const cases = { kudos_count: 'kudos', revised_at: 'updated', created_at: 'posted', word_count: 'words', authors_to_sort_on: 'creator', title_to_sort_on: 'title', comments_count: 'comments', bookmarks_count: 'bookmarks', hits: 'hits' };
    for (const [column, sort] of Object.entries(cases)) assert.equal(parse({ sort: column }).sort, sort, column);
    assert.equal(parse({ q: 'owl', sort: '_score' }).sort, 'best');
  });

  it('falls back to the listing order when best match has no text to match', () => {
    assert.deepEqual(pick(parse({ sort: 'best' })), { sort: 'updated', order: 'desc' });
  });
});

function pick(query: WorkQuery): { sort: string; order: string } {
  return { sort: query.sort, order: query.order };
}

describe('parseWorkQuery: counts (AO3 range syntax)', () => {
  it('reads exact numbers, >, <, spans and open spans', () => {
    assert.deepEqual(parse({ hits: '100' }).hits, { min: 100, max: 100 });
    assert.deepEqual(parse({ kudos: '>100' }).kudos, { min: 101 });
    assert.deepEqual(parse({ comments: '<100' }).comments, { max: 99 });
    assert.deepEqual(parse({ bookmarks: '10-50' }).bookmarks, { min: 10, max: 50 });
    assert.deepEqual(parse({ bookmarks: ' 10 - 50 ' }).bookmarks, { min: 10, max: 50 });
    assert.deepEqual(parse({ words: '1000-' }).words, { min: 1000 });
    assert.deepEqual(parse({ words: '-5000' }).words, { max: 5000 });
    assert.deepEqual(parse({ words: '1000+' }).words, { min: 1000 });
    assert.deepEqual(parse({ words: '> 1000' }).words, { min: 1001 });
  });

  it('accepts thousands separators and HTML-escaped brackets', () => {
    assert.deepEqual(parse({ words: '1,000-10,000' }).words, { min: 1000, max: 10000 });
    assert.deepEqual(parse({ words: '1.000.000' }).words, { min: 1000000, max: 1000000 });
    assert.deepEqual(parse({ hits: '&gt;1_000' }).hits, { min: 1001 });
    assert.deepEqual(parse({ hits: '&lt;10' }).hits, { max: 9 });
  });

  it('names the parameter when a count cannot be read', () => {
    rejects({ hits: 'lots' }, 'hits', /"lots" is not a number or a range/);
    rejects({ words: '1.5' }, 'words', /not a number/);
    rejects({ words: '-' }, 'words', /not a number/);
    rejects({ kudos: '50-10' }, 'kudos', /runs backwards; write the smaller number first \("10-50"\)/);
    rejects({ comments: '<0' }, 'comments', /nothing is fewer than 0/);
    rejects({ bookmarks: '2147483648' }, 'bookmarks', /too large/);
    rejects({ bookmarks: '>2147483647' }, 'bookmarks', /too large/);
    assert.deepEqual(parse({ bookmarks: '2147483647' }).bookmarks, { min: 2147483647, max: 2147483647 });
  });
});

describe('parseWorkQuery: dates', () => {
  const posted = (value: string, now = NOW): [WorkQuery['posted'], string | undefined] => {
    const query = parse({ posted: value }, now);
    return [query.posted, query.postedText];
  };

  it('reads AO3 relative ranges counted back from now', () => {
    assert.deepEqual(posted('<2 weeks ago'), [{ from: '2024-02-28T15:30:00.000Z' }, '<2 weeks ago']);
    assert.deepEqual(posted('>1 year ago'), [{ to: '2023-03-13T15:30:00.000Z' }, '>1 year ago']);
    assert.deepEqual(posted('1-2 years ago'), [{ from: '2022-03-13T15:30:00.000Z', to: '2023-03-13T15:30:00.000Z' }, '1-2 years ago']);
    assert.deepEqual(posted('<36 hours ago'), [{ from: '2024-03-12T03:30:00.000Z' }, '<36 hours ago']);
  });

  it('reads "N units ago" as that whole calendar unit', () => {
    assert.deepEqual(posted('3 days ago')[0], { from: '2024-03-10T00:00:00.000Z', to: '2024-03-10T23:59:59.999Z' });
    assert.deepEqual(posted('2 hours ago')[0], { from: '2024-03-13T13:00:00.000Z', to: '2024-03-13T13:59:59.999Z' });
    // Weeks run Monday to Sunday.
    assert.deepEqual(posted('1 week ago')[0], { from: '2024-03-04T00:00:00.000Z', to: '2024-03-10T23:59:59.999Z' });
    assert.deepEqual(posted('1 month ago')[0], { from: '2024-02-01T00:00:00.000Z', to: '2024-02-29T23:59:59.999Z' });
    assert.deepEqual(posted('1 year ago')[0], { from: '2023-01-01T00:00:00.000Z', to: '2023-12-31T23:59:59.999Z' });
    assert.deepEqual(posted('0 days ago')[0], { from: '2024-03-13T00:00:00.000Z', to: '2024-03-13T23:59:59.999Z' });
  });

  it('steps months and years by the calendar, clamping the day', () => {
    assert.deepEqual(posted('<1 month ago', new Date('2024-03-31T12:00:00Z'))[0], { from: '2024-02-29T12:00:00.000Z' });
    assert.deepEqual(posted('<1 year ago', new Date('2024-02-29T12:00:00Z'))[0], { from: '2023-02-28T12:00:00.000Z' });
    assert.deepEqual(posted('<14 months ago')[0], { from: '2023-01-13T15:30:00.000Z' });
  });

  it('accepts what readers type: singular or plural, no "ago", spaces, case, escaped brackets', () => {
    assert.equal(posted('2 Weeks')[1], '2 weeks ago');
    assert.equal(posted('< 1 weeks')[1], '<1 week ago');
    assert.equal(posted('&lt;2 weeks ago')[1], '<2 weeks ago');
    assert.equal(posted('1 - 2  YEARS ago')[1], '1-2 years ago');
    assert.equal(posted('1day')[1], '1 day ago');
  });

  it('stops counting back at year 1', () => {
    assert.deepEqual(posted('>100000 years ago')[0], { to: '0001-01-01T00:00:00.000Z' });
  });

  it('reads absolute dates and spans as whole UTC days', () => {
    assert.deepEqual(posted('2024-01-31'), [{ from: '2024-01-31T00:00:00.000Z', to: '2024-01-31T23:59:59.999Z' }, '2024-01-31']);
    const half = { from: '2024-01-01T00:00:00.000Z', to: '2024-06-30T23:59:59.999Z' };
    assert.deepEqual(posted('2024-01-01..2024-06-30'), [half, '2024-01-01..2024-06-30']);
    assert.deepEqual(posted('2024-01-01-2024-06-30'), [half, '2024-01-01..2024-06-30']);
    assert.deepEqual(posted('2024-1-1 - 2024-6-30'), [half, '2024-01-01..2024-06-30']);
    assert.deepEqual(posted('2024-01-01 to 2024-06-30'), [half, '2024-01-01..2024-06-30']);
  });

  it('reads open spans, months, years, before and after', () => {
    assert.deepEqual(posted('2024-01-01..'), [{ from: '2024-01-01T00:00:00.000Z' }, '2024-01-01..']);
    assert.deepEqual(posted('2024-01-01-'), [{ from: '2024-01-01T00:00:00.000Z' }, '2024-01-01..']);
    assert.deepEqual(posted('..2024-06-30'), [{ to: '2024-06-30T23:59:59.999Z' }, '..2024-06-30']);
    assert.deepEqual(posted('2024-02'), [{ from: '2024-02-01T00:00:00.000Z', to: '2024-02-29T23:59:59.999Z' }, '2024-02-01..2024-02-29']);
    assert.deepEqual(posted('2023-2024')[0], { from: '2023-01-01T00:00:00.000Z', to: '2024-12-31T23:59:59.999Z' });
    assert.deepEqual(posted('<2024-01-01'), [{ to: '2023-12-31T23:59:59.999Z' }, '..2023-12-31']);
    assert.deepEqual(posted('>2024-01-01'), [{ from: '2024-01-02T00:00:00.000Z' }, '2024-01-02..']);
  });

  it('reads exact instants in a span', () => {
    assert.deepEqual(posted('2024-01-01T12:00:00Z..2024-01-02T06:00:00+02:00'), [
      { from: '2024-01-01T12:00:00.000Z', to: '2024-01-02T04:00:00.000Z' },
      '2024-01-01T12:00:00.000Z..2024-01-02T04:00:00.000Z',
    ]);
  });

  it('names the parameter when a date cannot be read', () => {
    rejects({ posted: 'yesterday' }, 'posted', /"yesterday" is not a date or a range such as/);
    rejects({ updated: '2 fortnights ago' }, 'updated', /not a date or a range/);
    rejects({ posted: '2024-02-30' }, 'posted', /"2024-02-30" in "2024-02-30" is not a date on the calendar/);
    rejects({ posted: '2024-13' }, 'posted', /not a date on the calendar/);
    rejects({ posted: '2024-06-30..2024-01-01' }, 'posted', /runs backwards/);
    rejects({ posted: '..' }, 'posted', /not a date or a range/);
    rejects({ updated: '2-1 weeks ago' }, 'updated', /runs backwards; write "1-2 weeks ago"/);
    rejects({ updated: '<1-2 weeks ago' }, 'updated', /mixes "<" with a span/);
  });

  it('reads updated the same way', () => {
    const query = parse({ updated: '<1 week ago' });
    assert.deepEqual(query.updated, { from: '2024-03-06T15:30:00.000Z' });
    assert.equal(query.updatedText, '<1 week ago');
  });
});

describe('workQueryToParams', () => {
  it('writes nothing for the default listing', () => {
    assert.deepEqual(workQueryToParams(parse({})), []);
    assert.deepEqual(workQueryToParams(parse({ q: 'owl' })), [['q', 'owl']]);
    assert.deepEqual(workQueryToParams(parse({ sort: 'title', order: 'asc', crossover: 'include', single_chapter: 'false' })), [['sort', 'title']]);
  });

  it('writes every choice once, in a stable order and our own spelling', () => {
    const query = parse({
      order: 'asc',
      sort: 'kudos_count',
      updated: '< 2 Weeks',
      posted: '2024-01-01-2024-06-30',
      bookmarks: '>9',
      comments: '<10',
      kudos: '1,000',
      hits: '10 - 50',
      words: '1000-',
      language: 'Deutsch',
      single_chapter: '1',
      complete: 'F',
      crossover: 'T',
      exclude: 'Angst',
      freeform: 'Tea',
      fandom: 'Original Work',
      tag: 'Fluff, Slow Burn',
      q: 'dragon OR wyvern',
    });
    assert.deepEqual(workQueryToParams(query), [
      ['q', 'dragon OR wyvern'],
      ['tag', 'Fluff'],
      ['tag', 'Slow Burn'],
      ['fandom', 'Original Work'],
      ['freeform', 'Tea'],
      ['exclude', 'Angst'],
      ['crossover', 'only'],
      ['complete', 'false'],
      ['single_chapter', 'true'],
      ['language', 'de'],
      ['words', '1000-'],
      ['hits', '10-50'],
      ['kudos', '1000'],
      ['comments', '-9'],
      ['bookmarks', '10-'],
      ['posted', '2024-01-01..2024-06-30'],
      ['updated', '<2 weeks ago'],
      ['sort', 'kudos'],
      ['order', 'asc'],
    ]);
  });

  it('round-trips through parseWorkQuery', () => {
    const samples: ListingParams[] = [
      {},
      { q: 'title:"slow burn" -angst 龍の書', sort: 'words' },
      { tag: ['A', 'B'], character: ['Ana'], rating: 'Mature', exclude: ['C'], crossover: 'exclude', complete: 'true' },
      { words: '-5000', hits: '>100', kudos: '<7', comments: '3', bookmarks: '1-2', language: 'zh-Hant' },
      { posted: '>1 year ago', updated: '3 days ago', sort: 'title', order: 'desc' },
      { posted: '2024-02', updated: '<2024-01-01', sort: 'creator' },
      { posted: '2024-01-01T12:00:00Z..' },
      { q: 'owl', sort: 'updated', order: 'asc' },
    ];
    for (const sample of samples) {
      const first = parse(sample);
      const again = parse(grouped(workQueryToParams(first)));
      assert.deepEqual(again, first, JSON.stringify(sample));
      assert.deepEqual(workQueryToParams(again), workQueryToParams(first));
    }
  });

  it('keeps relative dates relative, so a bookmarked "recent" stays recent', () => {
    const params = grouped(workQueryToParams(parse({ updated: '<2 weeks ago' })));
    assert.deepEqual(params, { updated: ['<2 weeks ago'] });
    assert.deepEqual(parse(params, new Date('2025-01-15T00:00:00Z')).updated, { from: '2025-01-01T00:00:00.000Z' });
  });

  it('writes ranges built without text as dates or instants', () => {
    const query: WorkQuery = {
      include: [{ name: 'Media Tag', type: 'media' }],
      exclude: [],
      posted: { from: '2024-01-01T00:00:00.000Z', to: '2024-01-31T23:59:59.999Z' },
      updated: { from: '2024-01-01T08:00:00.000Z' },
      sort: 'updated',
      order: 'desc',
    };
    assert.deepEqual(workQueryToParams(query), [
      ['tag', 'Media Tag'],
      ['posted', '2024-01-01..2024-01-31'],
      ['updated', '2024-01-01T08:00:00.000Z..'],
    ]);
    const again = parse(grouped(workQueryToParams(query)));
    assert.deepEqual([again.posted, again.updated], [query.posted, query.updated]);
  });
});
