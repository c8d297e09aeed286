// `owlery import`: turns files into works. Every file is read, parsed and validated first; only
// when all of them are acceptable are the works written, in one transaction — so a bad file in
// a batch writes nothing at all.
import path from 'node:path';
import { Forbidden, Invalid, isAppError } from '../domain/errors.ts';
import { can } from '../domain/policy.ts';
import { parseImportFile } from '../formats/import/index.ts';
import { textToHtml } from '../formats/import/text.ts';
import type { ServiceContext } from './context.ts';
import { findOrCreateImportCreator, ORPHAN_ACCOUNT } from './import-creator.ts';
import { validateWork, type ValidWork } from './work-input.ts';
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
  const valid: Array<{ file: string; work: ValidWork }> = [];
  files.forEach((file, index) => {
    onProgress?.({ phase: 'reading', done: index, total: files.length, file: file.name });
    try {
      const doc = parseImportFile(file.bytes, file.name, { chapterSplit: meta.chapterSplit ?? null });
      const work = validateWork({
        title: meta.title ?? doc.title ?? titleFromFileName(file.name),
        summaryHtml: meta.summary ? textToHtml(meta.summary) : '',
        language: meta.language,
        rating: meta.rating,
        warnings: meta.warnings,
        categories: meta.categories,
        fandoms: meta.fandoms,
        relationships: meta.relationships,
        characters: meta.characters,
        freeforms: meta.freeforms,
        chapters: doc.chapters.map((c) => ({ title: c.title, html: c.html })),
        // An import holds the whole work as the file has it.
        expectedChapters: doc.chapters.length,
      });
      valid.push({ file: file.name, work });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problems.push(`${file.name}: ${error.message}`);
    }
  });
  if (problems.length > 0) throw new Invalid(problems.join('\n'));

  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const pseud = await findOrCreateImportCreator(trx, meta.creator ?? ORPHAN_ACCOUNT, now.toISOString());
    const results: ImportedWork[] = [];
    for (const [index, { file, work }] of valid.entries()) {
      onProgress?.({ phase: 'saving', done: index, total: valid.length, file });
      const id = await writeWork(trx, work, [pseud.id], now);
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
