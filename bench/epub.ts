// EPUB export benchmark (docs/BENCHMARKS.md): builds a 100,000-word, 20-chapter work through the
// real store (SQLite, a temporary file), then times the in-house EPUB builder, and — when Calibre
// is installed — `ebook-convert` making an EPUB from the same work's HTML download, which is how
// AO3 makes its EPUBs. Prints a Markdown table with medians and the ratio.
//
//   npm run bench:epub [-- --words 100000 --chapters 20 --runs 30 --calibre-runs 3 --check]
//
// --check also runs epubcheck on the EPUB it built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createTestStore } from '../test/support/stores.ts';
import { contextFor, makeWork } from '../test/support/factories.ts';
import { epubcheck } from '../test/support/epubcheck.ts';
import { GUEST } from '../src/domain/actor.ts';
import { buildEpub } from '../src/formats/export/epub.ts';
import { buildHtml } from '../src/formats/export/html.ts';
import { loadExportWork } from '../src/services/export-work.ts';
import { downloadWork } from '../src/services/downloads.ts';

const { values: args } = parseArgs({
  options: {
    words: { type: 'string', default: '100000' },
    chapters: { type: 'string', default: '20' },
    runs: { type: 'string', default: '30' },
    'calibre-runs': { type: 'string', default: '3' },
    check: { type: 'boolean', default: false },
  },
});
const WORDS = Number(args.words);
const CHAPTERS = Number(args.chapters);
const RUNS = Math.max(20, Number(args.runs));
const CALIBRE_RUNS = Math.max(1, Number(args['calibre-runs']));
const WARMUP = 3;

// --- an original text, generated from a seed ----------------------------------------------------

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['harbour', 'lantern', 'ferry', 'captain', 'fog', 'ledger', 'rope', 'gull', 'tide', 'window', 'letter', 'kettle', 'island', 'bell', 'map', 'coat', 'dock', 'storm', 'owl', 'candle'];
const VERBS = ['watched', 'carried', 'found', 'remembered', 'folded', 'opened', 'followed', 'counted', 'mended', 'answered', 'crossed', 'kept'];
const OTHERS = ['the', 'a', 'her', 'his', 'their', 'old', 'quiet', 'grey', 'small', 'long', 'warm', 'last', 'and', 'then', 'slowly', 'again', 'before', 'after', 'under', 'beyond'];

/** A chapter of exactly `words` words (AO3's count): paragraphs of sentences, some emphasis, a scene break. */
function chapterHtml(random: () => number, words: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const paragraphs: string[] = [];
  let left = words;
  let count = 0;
  while (left > 0) {
    const size = Math.min(left, 40 + Math.floor(random() * 80));
    const tokens: string[] = [];
    for (let i = 0; i < size; i++) tokens.push(i % 7 === 3 ? pick(NOUNS) : i % 7 === 5 ? pick(VERBS) : pick(OTHERS));
    tokens[0] = tokens[0]![0]!.toUpperCase() + tokens[0]!.slice(1);
    if (size > 12) tokens[6] = `<em>${tokens[6]}</em>`;
    if (size > 20) tokens[15] = `“${tokens[15]}”`;
    paragraphs.push(`<p>${tokens.join(' ')}.</p>`);
    left -= size;
    if (++count === 30) paragraphs.push('<hr>');
  }
  return paragraphs.join('\n');
}

// --- measuring --------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, task: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    out.push(performance.now() - started);
  }
  return out;
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

const store = await createTestStore('sqlite');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-bench-epub-'));
try {
  const system = contextFor(store);
  const random = rng(20261121);
  const perChapter = Math.floor(WORDS / CHAPTERS);
  const made = await makeWork(system, {
    creator: 'benchwriter',
    title: 'The Harbour Ledger',
    summaryHtml: '<p>A long book about a harbour, generated for the benchmark.</p>',
    fandoms: ['Original Work'],
    freeforms: ['Benchmark'],
    chapters: Array.from({ length: CHAPTERS }, (_, i) => ({
      title: `Chapter of the ${NOUNS[i % NOUNS.length]}`,
      html: chapterHtml(random, i === CHAPTERS - 1 ? WORDS - perChapter * (CHAPTERS - 1) : perChapter),
    })),
  });
  const reader = { ...system, actor: GUEST };
  const view = await loadExportWork(reader, made.id);
  const htmlBytes = view.work.chapters.reduce((sum, c) => sum + Buffer.byteLength(c.contentHtml), 0);
  console.log(`Work ${made.id}: ${view.work.wordCount.toLocaleString('en-US')} words (AO3 count), ${view.work.chapters.length} chapters, ${(htmlBytes / 1024).toFixed(0)} KiB of chapter HTML`);

  await time(WARMUP, () => buildEpub(view.work));
  const build = await time(RUNS, () => buildEpub(view.work));
  const load = await time(RUNS, () => loadExportWork(reader, made.id));
  const whole = await time(RUNS, () => downloadWork(reader, made.id, 'epub', { cacheDir: null }));
  const epub = buildEpub(view.work);
  const epubPath = path.join(scratch, 'owlery.epub');
  fs.writeFileSync(epubPath, epub);
  console.log(`EPUB: ${(epub.byteLength / 1024).toFixed(0)} KiB`);

  const rows: string[] = [
    '| step | median | p90 | min | runs |',
    '|---|---:|---:|---:|---:|',
    `| EPUB build (\`buildEpub\`, from the loaded work) | ${ms(median(build))} | ${ms(percentile(build, 90))} | ${ms(Math.min(...build))} | ${RUNS} |`,
    `| loading the work (\`loadExportWork\`, SQLite) | ${ms(median(load))} | ${ms(percentile(load, 90))} | ${ms(Math.min(...load))} | ${RUNS} |`,
    `| whole download, uncached (\`downloadWork\`) | ${ms(median(whole))} | ${ms(percentile(whole, 90))} | ${ms(Math.min(...whole))} | ${RUNS} |`,
  ];

  const calibre = spawnSync('ebook-convert', ['--version'], { encoding: 'utf8' });
  if (calibre.status === 0) {
    const htmlPath = path.join(scratch, 'work.html');
    fs.writeFileSync(htmlPath, buildHtml(view.work));
    const convert = await time(CALIBRE_RUNS, () => {
      const out = path.join(scratch, 'calibre.epub');
      fs.rmSync(out, { force: true });
      const result = spawnSync('ebook-convert', [htmlPath, out], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`ebook-convert failed: ${result.stderr}`);
    });
    rows.push(`| Calibre \`ebook-convert work.html work.epub\` (${calibre.stdout.split('\n')[0]!.trim()}) | ${ms(median(convert))} | ${ms(percentile(convert, 90))} | ${ms(Math.min(...convert))} | ${CALIBRE_RUNS} |`);
    console.log(`\n${rows.join('\n')}\n`);
    console.log(`Ratio (Calibre median / in-house build median): ${(median(convert) / median(build)).toFixed(0)}×; against the whole uncached download: ${(median(convert) / median(whole)).toFixed(0)}×`);
  } else {
    console.log(`\n${rows.join('\n')}\n`);
    console.log('Calibre (ebook-convert) is not installed: no comparison.');
  }

  if (args.check) {
    const problems = await epubcheck(epub, 'bench.epub');
    console.log(problems.length === 0 ? 'epubcheck: no errors, no warnings.' : `epubcheck:\n${problems.map((p) => `${p.severity} ${p.id} ${p.where}: ${p.message}`).join('\n')}`);
  }
} finally {
  await store.destroy();
  fs.rmSync(scratch, { recursive: true, force: true });
}
