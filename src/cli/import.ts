// `owlery import FILE… [--json] [--title T] …` (DESIGN.md): files become works.
import fs from 'node:fs';
import { configFrom, parse, UsageError } from './args.ts';
import { withStore } from './store.ts';
import { progressLine } from './progress.ts';
import { importWorks, type ImportFile } from '../services/import-works.ts';
import { MAX_IMPORT_BYTES } from '../formats/import/index.ts';

export const IMPORT_HELP = `owlery import FILE… [options]
  Imports .txt, .md, .html, .docx and .epub files as works (one work per file). Files
  downloaded from AO3 (HTML or EPUB) keep their metadata; flags override it.
  --json                 print one JSON line per work: {"id","url","title","wordCount","chapterCount"}
  --title T              the work's title (one file only; otherwise taken from the file)
  --summary S            summary (plain text)
  --creator PSEUD        creator pseud, or "pseud (login)"; created when new; default: the
                         creator named in the file (AO3 downloads), else orphan_account
  --fandom F             repeatable; also --relationship, --character, --tag (additional tags)
  --rating R             one of the archive ratings (default: Not Rated)
  --warning W            repeatable archive warning (default: Creator Chose Not To Use Archive Warnings)
  --category C           repeatable: Gen, F/M, M/M, F/F, Multi, Other
  --language L           language code or name (default: en)
  --chapter-split REGEX  a line matching REGEX starts a new chapter and becomes its title`;

const OPTIONS = {
  json: { type: 'boolean' },
  title: { type: 'string' },
  summary: { type: 'string' },
  creator: { type: 'string' },
  fandom: { type: 'string', multiple: true },
  rating: { type: 'string' },
  warning: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  relationship: { type: 'string', multiple: true },
  character: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  language: { type: 'string' },
  'chapter-split': { type: 'string' },
} as const;

function compileSplit(pattern: string | undefined): RegExp | null {
  if (pattern === undefined) return null;
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    throw new UsageError(`--chapter-split is not a valid regular expression: ${(error as Error).message}`);
  }
}

/** Reads every file up front, refusing missing, unreadable and oversized ones by name. */
function readFiles(paths: string[]): ImportFile[] {
  return paths.map((file) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new UsageError(`No such file: ${file}`);
    }
    if (!stat.isFile()) throw new UsageError(`Not a file: ${file}`);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new UsageError(`${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the import limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB per file.`);
    }
    return { name: file, bytes: fs.readFileSync(file) };
  });
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (values.help) return (console.log(IMPORT_HELP), 0);
  if (positionals.length === 0) throw new UsageError('Name at least one file to import.');
  const config = configFrom(values);
  const chapterSplit = compileSplit(values['chapter-split']);
  const files = readFiles(positionals);
  const progress = files.length > 1 ? progressLine('Importing') : null;

  const results = await withStore(config, (_store, ctx) =>
    importWorks(
      ctx,
      files,
      {
        title: values.title,
        summary: values.summary,
        creator: values.creator,
        fandoms: values.fandom,
        rating: values.rating,
        warnings: values.warning,
        categories: values.category,
        relationships: values.relationship,
        characters: values.character,
        freeforms: values.tag,
        language: values.language,
        chapterSplit,
      },
      (p) => progress?.update(p.phase === 'reading' ? p.done : p.done, p.total, p.file ? `${p.phase} ${p.file}` : 'done'),
    ),
  );
  progress?.done();

  for (const work of results) {
    if (values.json) {
      console.log(JSON.stringify({ id: work.id, url: work.url, title: work.title, wordCount: work.wordCount, chapterCount: work.chapterCount }));
    } else {
      console.log(`Imported "${work.title}" from ${work.file}: ${work.url} (${work.wordCount.toLocaleString('en-US')} words, ${work.chapterCount} chapter${work.chapterCount === 1 ? '' : 's'})`);
    }
  }
  return 0;
}
