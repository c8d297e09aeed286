// `owlery import`: turns files into works. Every file is read, parsed and validated first; only
// when all of them are acceptable are the works written, in one transaction — so a bad file in
// a batch writes nothing at all. AO3 downloads and EPUBs bring their own metadata (tags, creators,
// language, series, notes, publication date), which the command line's flags override.
import path from 'node:path';
import { Forbidden, Invalid, isAppError } from '../domain/errors.ts';
import { can } from '../domain/policy.ts';
import { findLanguage } from '../domain/languages.ts';
import { parseImportFile, type ImportedDocument, type ImportedMetadata } from '../formats/import/index.ts';
import { textToHtml } from '../formats/import/text.ts';
import type { ServiceContext } from './context.ts';
import { findOrCreateImportCreator, ORPHAN_ACCOUNT } from './import-creator.ts';
import { validateWork, type ValidWork, type WorkInput } from './work-input.ts';
import { writeWork } from './write-work.ts';

export interface ImportFile {
  /** Shown in messages; its extension chooses the format. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportMetadata {
  title?: string | undefined;
  /** Plain text; becomes paragraphs. */
  summary?: string | undefined;
  creator?: string | undefined;
  fandoms?: string[] | undefined;
  rating?: string | undefined;
  warnings?: string[] | undefined;
  categories?: string[] | undefined;
  relationships?: string[] | undefined;
  characters?: string[] | undefined;
  freeforms?: string[] | undefined;
  language?: string | undefined;
  chapterSplit?: RegExp | null | undefined;
}

export interface ImportedWork {
  id: number;
  url: string;
  title: string;
  wordCount: number;
  chapterCount: number;
  file: string;
}

export interface ImportProgress {
  phase: 'reading' | 'saving';
  done: number;
  total: number;
  file: string;
}

function titleFromFileName(name: string): string {
  const base = path.basename(name, path.extname(name)).replace(/[_-]+/g, ' ').trim();
  return base === '' ? 'Untitled' : base.charAt(0).toUpperCase() + base.slice(1);
}

/**
 * The work as the file describes it, with the command line's values taking precedence field by
 * field (DESIGN.md: `owlery import` flags override what the file says; the file overrides defaults).
 */
function workInput(meta: ImportMetadata, doc: ImportedDocument, fileName: string): WorkInput {
  const file = doc.metadata ?? null;
  const list = (flag: string[] | undefined, fromFile: string[] | undefined) => (flag?.length ? flag : fromFile);
  // A language the file names but this archive does not know is not worth refusing the file for:
  // the work stays in the default language. A --language the user typed is checked as given.
  const fileLanguage = file?.language ? findLanguage(file.language)?.code : undefined;
  const series = file?.series[0];
  const chapters = doc.chapters.length;
  // An AO3 download says how many chapters the work will have ("2/5", or "2/?" while unknown);
  // any other import holds the whole work as the file has it.
  const expected = file?.source === 'ao3' ? file.expectedChapters : chapters;
  return {
    title: meta.title ?? doc.title ?? titleFromFileName(fileName),
    summaryHtml: meta.summary ? textToHtml(meta.summary) : file?.summaryHtml,
    notesHtml: file?.notesHtml,
    endNotesHtml: file?.endNotesHtml,
    language: meta.language ?? fileLanguage,
    rating: meta.rating ?? file?.rating ?? undefined,
    warnings: list(meta.warnings, file?.warnings),
    categories: list(meta.categories, file?.categories),
    fandoms: list(meta.fandoms, file?.fandoms),
    relationships: list(meta.relationships, file?.relationships),
    characters: list(meta.characters, file?.characters),
    freeforms: list(meta.freeforms, file?.freeforms),
    chapters: doc.chapters.map((c) => ({ title: c.title, html: c.html, summaryHtml: c.summaryHtml, notesHtml: c.notesHtml, endNotesHtml: c.endNotesHtml })),
    expectedChapters: expected === null ? null : Math.max(expected, chapters),
    series: series ? { title: series.title, position: series.position } : null,
    postedAt: file?.publishedAt ? new Date(`${file.publishedAt}T00:00:00Z`) : undefined,
  };
}

/** --creator, else every creator the file names (AO3 downloads), else orphan_account. */
function creatorsFor(meta: ImportMetadata, file: ImportedMetadata | null | undefined): string[] {
  if (meta.creator) return [meta.creator];
  return file?.creators.length ? file.creators : [ORPHAN_ACCOUNT];
}

export async function importWorks(
  ctx: ServiceContext,
  files: readonly ImportFile[],
  meta: ImportMetadata,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportedWork[]> {
  if (!can(ctx.actor, { do: 'works:import' })) throw new Forbidden('Only administrators may import works.');
  if (files.length === 0) throw new Invalid('No files to import.');
  if (meta.title && files.length > 1) throw new Invalid('--title names one work; import the files one at a time to give each its title.');

  const problems: string[] = [];
  const valid: Array<{ file: string; work: ValidWork; creators: string[] }> = [];
  for (const [index, file] of files.entries()) {
    onProgress?.({ phase: 'reading', done: index, total: files.length, file: file.name });
    try {
      const doc = await parseImportFile(file.bytes, file.name, { chapterSplit: meta.chapterSplit ?? null });
      valid.push({ file: file.name, work: validateWork(workInput(meta, doc, file.name)), creators: creatorsFor(meta, doc.metadata) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problems.push(`${file.name}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw new Invalid(problems.join('\n'));

  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Creators named in several files are looked up once.
    const pseuds = new Map<string, number>();
    const pseudIds = async (names: string[]) => {
      const ids: number[] = [];
      for (const name of names) {
        if (!pseuds.has(name)) pseuds.set(name, (await findOrCreateImportCreator(trx, name, now.toISOString())).id);
        const id = pseuds.get(name) as number;
        if (!ids.includes(id)) ids.push(id);
      }
      return ids;
    };
    const results: ImportedWork[] = [];
    for (const [index, { file, work, creators }] of valid.entries()) {
      onProgress?.({ phase: 'saving', done: index, total: valid.length, file });
      const id = await writeWork(trx, work, await pseudIds(creators), now);
      results.push({
        id,
        url: `/works/${id}`,
        title: work.title,
        wordCount: work.chapters.reduce((sum, c) => sum + c.wordCount, 0),
        chapterCount: work.chapters.length,
        file,
      });
    }
    onProgress?.({ phase: 'saving', done: valid.length, total: valid.length, file: '' });
    return results;
  });
}
