// The full-text analysis without a database: the fast tokenizer agrees with searchWords (which
// the query parser uses), the stemmer follows Porter's published examples, query compilation, the
// tsvector literal's limits, and snippets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { searchWords } from '../../domain/tag-search.ts';
import type { SearchTerm } from '../../domain/search-syntax.ts';
import { buildDocument, compileQuery, htmlText, htmlTextInPieces, scanTokens, tokenize } from './analyze.ts';
import { stem } from './stem.ts';
import { prepareText, renderSnippet, TextScanner } from './snippet.ts';
import { tsvectorLiteral } from './postgres-tsvector.ts';
import { fts5Query } from './sqlite-fts5.ts';

const term = (text: string, field?: SearchTerm['field']): SearchTerm => {
  const tokens = searchWords(text);
  return { kind: 'term', tokens, phrase: tokens.length > 1, ...(field ? { field } : {}), source: text };
};

describe('tokenize', () => {
  const samples = [
    'Plain words, and punctuation; “quoted” — dashes – and… ellipses.',
    "Draco's owl didn't fly; 'tis rock'n'roll, the dogs' bowls, it’s ‘single’ quotes",
    'Crème brûlée at the NAÏVE café in São Paulo, Straße, Øresund, Ærø, ﬁne ligatures',
    '鬼滅の刃 and 竈門炭治郎は山で、暮らしていた。Katakana カタカナ ｶﾀｶﾅ',
    'Ελληνικά ΣΟΦΟΣ, русский текст, العربية, हिन्दी भाषा, ภาษาไทยไม่มีช่องว่าง, 한국어 문장',
    'Symbols ™ ① ㎞ № fold into letters; numbers 3.14 and 1,000 and x-ray e-mail',
    'Odd spaces:\u00a0nbsp,\u2003em space,\ttab\nnewline, zero\u200bwidth, ʼmodifier apostrophe, ＇fullwidth＇',
    "Leading 'apostrophes and trailing' ones, ''double'' and a lone ' one",
    'Mixed scripts: abcдеф, 東京tokyo, café東京',
  ];
  for (const sample of samples) {
    it(`gives searchWords' words, stemmed: ${sample.slice(0, 30)}…`, () => {
      assert.deepEqual(tokenize(sample), searchWords(sample).map(stem).map((w) => Array.from(w).slice(0, 60).join('')));
    });
  }

  it('reports where each token came from', () => {
    const text = 'The “Dragons’” lair, 鬼滅 café';
    const found: string[] = [];
    scanTokens(text, (token, start, end) => void found.push(`${token}=${text.slice(start, end)}`));
    assert.deepEqual(found, ['the=The', 'dragon=Dragons’', 'lair=lair', '鬼=鬼', '滅=滅', 'cafe=café']);
  });

  it('cuts very long words the same way on both sides', () => {
    const long = 'ก'.repeat(200);
    assert.equal(tokenize(long)[0]!.length, 60);
    assert.deepEqual(compileQuery({ all: [[term(long)]], none: [] })!.all[0]![0]!.tokens, tokenize(long));
  });
});

describe('stem (Porter 1980)', () => {
  const examples: Record<string, string> = {
    caresses: 'caress', ponies: 'poni', ties: 'ti', cats: 'cat', feed: 'feed', agreed: 'agre', plastered: 'plaster',
    motoring: 'motor', sing: 'sing', conflated: 'conflat', troubled: 'troubl', sized: 'size', hopping: 'hop',
    falling: 'fall', hissing: 'hiss', failing: 'fail', filing: 'file', happy: 'happi', sky: 'sky',
    relational: 'relat', conditional: 'condit', rational: 'ration', generalizations: 'gener', oscillators: 'oscil',
    hopefulness: 'hope', electricity: 'electr', adjustment: 'adjust', adoption: 'adopt', controlling: 'control',
    running: 'run', runs: 'run', dragons: 'dragon', ran: 'ran',
  };
  for (const [word, expected] of Object.entries(examples)) it(`${word} → ${expected}`, () => assert.equal(stem(word), expected));
  it('leaves other scripts and digits alone', () => {
    for (const word of ['東', 'русские', 'x1', '2024']) assert.equal(stem(word), word);
  });
});

describe('documents and queries', () => {
  it('keeps HTML blocks apart and decodes entities', () => {
    assert.equal(htmlText('<p>end</p><p>start &amp; <em>more</em>&lt;b&gt;</p>').replace(/\n+/g, '|'), '|end|start & more<b>|');
  });

  it('builds one value per tag, creator and chapter, and leaves anonymous creators out upstream', () => {
    const doc = buildDocument({
      workId: 1, title: 'A Title', summary: '<p>Sum</p>', notes: '', endNotes: '<p>Bye</p>', tags: ['Slow Burn', 'Fluff'], creators: ['Pen (login)'],
      chapters: [{ title: 'One', summary: '', notes: '<p>Note</p>', endNotes: '', content: '<p>Dragons flew</p>' }],
    });
    assert.deepEqual(doc.fields, {
      title: [['a', 'titl']], summary: [['sum']], notes: [['bye'], ['note']], tags: [['slow', 'burn'], ['fluff']], creators: [['pen', 'login']],
      body: [['on'], ['dragon', 'flew']],
    });
  });

  it('compiles terms to stemmed tokens and drops what cannot match', () => {
    assert.equal(compileQuery({ all: [], none: [term('x')] }), null);
    assert.equal(compileQuery({ all: [[term('!!!')]], none: [] }), null);
    const q = compileQuery({ all: [[term('Dragons', 'title'), term('!!!')], [term('red wolves')]], none: [term('cats')] })!;
    assert.deepEqual(q, { all: [[{ tokens: ['dragon'], field: 'title' }], [{ tokens: ['red', 'wolv'], field: null }]], none: [{ tokens: ['cat'], field: null }] });
    assert.equal(fts5Query(q), '(title : "dragon" AND "red wolv") NOT ("cat")');
  });

  it('writes tsvector literals within PostgreSQL limits', () => {
    assert.equal(tsvectorLiteral([{ values: [['red', 'dragon']], weight: 'A' }, { values: [['dragon'], ['x']], weight: 'B' }]), "'red':2A 'dragon':3A,5B 'x':7B");
    const many = tsvectorLiteral([{ values: [Array(20_000).fill('w')], weight: 'D' }]);
    assert.equal(many.split(',').length, 256, 'at most 256 positions per lexeme');
    const late = tsvectorLiteral([{ values: [[...Array<string>(17_000).fill('a').map((_, i) => `w${i}`), 'z']], weight: 'D' }, { values: [['z']], weight: 'A' }]);
    assert.match(late, /'z':16383D/, 'beyond the last position a word keeps one clamped position…');
    assert.doesNotMatch(late, /'z':16383D,16383A/, '…not two at the same place');
    assert.equal(tsvectorLiteral([{ values: [["it's"]], weight: 'D' }]), "'it''s':2D");
  });
});

describe('snippets', () => {
  const terms = (...texts: string[]) => compileQuery({ all: texts.map((t) => [term(t)]), none: [] })!.all.flat();

  it('marks the matching words in escaped text, keeping the original spelling', () => {
    const text = htmlText('<p>Before. The <b>Dragons</b> &amp; the silver   lake &lt;script&gt;.</p>');
    assert.equal(renderSnippet(prepareText(text, terms('dragon', 'silver lake'))), 'Before. The <mark>Dragons</mark> &amp; the <mark>silver lake</mark> &lt;script&gt;.');
  });

  it('shows the passage with the most distinct terms, cut at word boundaries', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(30);
    const text = `wolf alone. ${filler} the wolf and the moon together. ${filler}`;
    const html = renderSnippet(prepareText(text, terms('wolf', 'moon')));
    assert.match(html, /^…[a-z]+ .*<mark>wolf<\/mark> and the <mark>moon<\/mark> together\. .*[a-z]…$/);
    assert.ok(html.length < 330);
  });

  it('reads HTML as a stream, skipping text that cannot hold a term, with the same passage as a whole read', () => {
    const filler = (n: number) => '<p>Nothing much happens here, and nobody minds it at all.</p>'.repeat(n);
    const html = `${filler(80)}<p>Under the old bridge the <b>silver</b> lake lay still; the wolves slept.</p>${filler(80)}`;
    const read = (queryTerms: ReturnType<typeof terms>, piece: number) => {
      const scanner = new TextScanner(queryTerms, true);
      htmlTextInPieces(html, piece, (text, last) => {
        scanner.push(text, last);
        return scanner.stopped;
      });
      return scanner.prepared();
    };
    for (const queryTerms of [terms('wolves'), terms('silver lake'), terms('bridge', 'wolves'), terms('nobody'), terms('zanzibar')]) {
      const whole = prepareText(htmlText(html), queryTerms, true);
      for (const piece of [64, 100, 2048]) {
        const streamed = read(queryTerms, piece);
        assert.deepEqual(streamed.info, whole.info, `${JSON.stringify(queryTerms)} in pieces of ${piece}`);
        assert.equal(renderSnippet({ ...streamed, cut: false }), renderSnippet(whole));
      }
    }
    const skipped = read(terms('wolves'), 64);
    assert.ok(skipped.tokens.length < 300, `${skipped.tokens.length} tokens: the filler before the match was not tokenized`);
    assert.match(renderSnippet(skipped), /^…all\. Under the old bridge the silver lake lay still; the <mark>wolves<\/mark> slept\. Nothing /);
  });

  it('stops reading once every term has been seen', () => {
    const text = `the moon rose. ${'more words here '.repeat(5_000)}`;
    const prepared = prepareText(text, terms('moon'), true);
    assert.ok(prepared.tokens.length < 200, `${prepared.tokens.length} tokens read`);
    assert.equal(prepared.info.distinct, 1);
  });
});
