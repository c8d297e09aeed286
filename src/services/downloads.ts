// Downloads (AO3's /downloads/:id/:slug.:format): a work built into a file for whoever asks, if
// they may read it, and cached on disk.
//
// Caching. Files are kept under DATA/cache/downloads as `<id>-<revision>-<variant>.<format>`.
// `works.revision` goes up whenever the work changes (its chapters, details, tags, series,
// creators); the variant says whose view the file holds and fingerprints what the download prints
// besides the chapters (title, tags, creator and series names, dates, the archive's address and
// the exporter's version), so a change that reaches a download without a new revision — a series
// renamed, a pseud removed — still gives a new file. Only the readers' view is cached: what every
// reader who is not a creator gets (no draft chapters, no names on anonymous works). Creators'
// own views and the CLI's are built every time. The policy check runs before the cache is looked
// at, so a cached file only ever reaches someone allowed to read the work. Writing a file removes
// the work's files from older revisions.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { NotFound } from '../domain/errors.ts';
import {
  buildExport,
  contentDisposition,
  CONTENT_TYPES,
  EXPORT_FORMATS,
  EXPORT_VERSION,
  isExportFormat,
  type CalibreOptions,
  type ExportFormat,
} from '../formats/export/index.ts';
import type { ServiceContext } from './context.ts';
import { isReaderView, loadExportWork } from './export-work.ts';
import { findReadableWork } from './read-work.ts';
import type { WorkCard } from './work-cards.ts';

export interface DownloadOptions {
  /** Where files are cached (DATA/cache/downloads); null builds every time. */
  cacheDir: string | null;
  calibre?: CalibreOptions;
}

export interface Download {
  bytes: Uint8Array;
  format: ExportFormat;
  contentType: string;
  /** The Content-Disposition header: attachment, with ASCII and UTF-8 file names. */
  disposition: string;
  fromCache: boolean;
  /** Set when the file was built but could not be cached (the download itself is fine). */
  cacheError?: Error;
}

/** Builds of the same cached file in progress, so simultaneous requests share one build. */
const building = new Map<string, Promise<Uint8Array>>();

export async function downloadWork(ctx: ServiceContext, workId: number, format: string, options: DownloadOptions): Promise<Download> {
  if (!isExportFormat(format)) throw new NotFound(`Downloads come as ${EXPORT_FORMATS.join(', ')}; there is no “${format}” download.`);
  const result = (card: WorkCard, bytes: Uint8Array, fromCache: boolean): Download => ({
    bytes,
    format,
    contentType: CONTENT_TYPES[format],
    disposition: contentDisposition(card.work.id, card.work.title, format),
    fromCache,
  });

  if (options.cacheDir) {
    const card = await findReadableWork(ctx, workId);
    if (isReaderView(ctx, card)) {
      const cached = await readIfExists(path.join(options.cacheDir, cacheFileName(ctx, card, format)));
      if (cached) return result(card, cached, true);
    }
  }

  const view = await loadExportWork(ctx, workId);
  if (!options.cacheDir || !view.readerView) return result(view.card, await buildExport(view.work, format, options.calibre), false);

  const name = cacheFileName(ctx, view.card, format);
  const file = path.join(options.cacheDir, name);
  let pending = building.get(file);
  if (!pending) {
    pending = buildExport(view.work, format, options.calibre);
    building.set(file, pending);
    void pending.then(
      () => building.delete(file),
      () => building.delete(file),
    );
  }
  const bytes = await pending;
  const download = result(view.card, bytes, false);
  try {
    await store(options.cacheDir, name, bytes, view.card.work.id);
  } catch (error) {
    download.cacheError = error as Error;
  }
  return download;
}

/** `<id>-<revision>-reader-<fingerprint>.<format>` */
export function cacheFileName(ctx: Pick<ServiceContext, 'site'>, card: WorkCard, format: ExportFormat): string {
  const { work } = card;
  const printed = {
    v: EXPORT_VERSION,
    site: ctx.site,
    work: [work.title, work.summary, work.notes, work.endNotes, work.language, work.expectedChapters, work.complete, work.chapterCount, work.wordCount, work.postedAt, work.revisedAt, work.updatedAt],
    tags: card.tags.map((t) => [t.type, t.name]),
    creators: card.creators.map((c) => [c.pseud, c.login]),
    series: card.series.map((s) => [s.seriesId, s.title, s.position]),
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(printed)).digest('hex').slice(0, 16);
  return `${work.id}-${work.revision}-reader-${fingerprint}.${format}`;
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes atomically (a temporary name, then rename), then removes the work's other versions. */
async function store(dir: string, name: string, bytes: Uint8Array, workId: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temporary, bytes);
  await fs.rename(temporary, path.join(dir, name));
  const keep = name.slice(0, name.lastIndexOf('.') + 1);
  for (const entry of await fs.readdir(dir)) {
    if (entry.startsWith(`${workId}-`) && !entry.startsWith(keep)) await fs.rm(path.join(dir, entry), { force: true });
  }
}
