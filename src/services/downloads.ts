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
//
// A whole series (downloadSeries) is one book of the works its reader may see (export-series.ts).
// Its files are `series-<id>-<scope>-<fingerprint>.<format>`: the scope is what the listing shows
// the actor ("public", or "members" with restricted works), and the fingerprint covers the series'
// own details and, for each included work in order, its id, revision and the work's own
// fingerprint — so a work revised, added, removed, hidden or moved, or the series edited, gives a
// new file, and writing it removes the older files of that series and scope. As for works, only
// the readers' view is cached, and only after the policy has chosen the works.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { NotFound } from '../domain/errors.ts';
import {
  buildExport,
  buildSeriesExport,
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
import { loadExportSeries, visibleSeries, type VisibleSeries } from './export-series.ts';
import { findReadableWork } from './read-work.ts';
import type { WorkCard } from './work-cards.ts';
import { workScope } from '../domain/policy.ts';

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
  return cachedBuild(options.cacheDir, name, `${view.card.work.id}-`, () => buildExport(view.work, format, options.calibre), (bytes) => result(view.card, bytes, false));
}

/** A whole series as one book, for whoever asks: the works in it they may see, in series order. */
export async function downloadSeries(ctx: ServiceContext, seriesId: number, format: string, options: DownloadOptions): Promise<Download> {
  if (!isExportFormat(format)) throw new NotFound(`Downloads come as ${EXPORT_FORMATS.join(', ')}; there is no “${format}” download.`);
  const result = (visible: VisibleSeries, bytes: Uint8Array, fromCache: boolean): Download => ({
    bytes,
    format,
    contentType: CONTENT_TYPES[format],
    disposition: contentDisposition(visible.series.id, visible.series.title, format, 'Series'),
    fromCache,
  });

  const visible = await visibleSeries(ctx, seriesId);
  const cacheable = options.cacheDir !== null && visible.cards.every((card) => isReaderView(ctx, card));
  if (options.cacheDir && cacheable) {
    const cached = await readIfExists(path.join(options.cacheDir, seriesCacheFileName(ctx, visible, format)));
    if (cached) return result(visible, cached, true);
  }

  const view = await loadExportSeries(ctx, seriesId, visible);
  if (!options.cacheDir || !cacheable || !view.readerView) return result(visible, await buildSeriesExport(view.book, format, options.calibre), false);

  const name = seriesCacheFileName(ctx, visible, format);
  return cachedBuild(options.cacheDir, name, seriesFamily(ctx, visible), () => buildSeriesExport(view.book, format, options.calibre), (bytes) => result(visible, bytes, false));
}

/**
 * Builds a file once however many ask for it at the same moment, then caches it under `name` and
 * removes the older versions in its family (names starting with `family`; the other formats of
 * this version stay). A file that cannot be cached is still served.
 */
async function cachedBuild(dir: string, name: string, family: string, build: () => Promise<Uint8Array>, result: (bytes: Uint8Array) => Download): Promise<Download> {
  const file = path.join(dir, name);
  let pending = building.get(file);
  if (!pending) {
    pending = build();
    building.set(file, pending);
    void pending.then(
      () => building.delete(file),
      () => building.delete(file),
    );
  }
  const download = result(await pending);
  try {
    await store(dir, name, download.bytes, family);
  } catch (error) {
    download.cacheError = error as Error;
  }
  return download;
}

/** `<id>-<revision>-reader-<fingerprint>.<format>` */
export function cacheFileName(ctx: Pick<ServiceContext, 'site'>, card: WorkCard, format: ExportFormat): string {
  return `${card.work.id}-${card.work.revision}-reader-${workFingerprint(ctx, card)}.${format}`;
}

/** What a work's download prints besides its chapters (which its revision stands for), hashed. */
function workFingerprint(ctx: Pick<ServiceContext, 'site'>, card: WorkCard): string {
  const { work } = card;
  const printed = {
    v: EXPORT_VERSION,
    site: ctx.site,
    work: [work.title, work.summary, work.notes, work.endNotes, work.language, work.expectedChapters, work.complete, work.chapterCount, work.wordCount, work.postedAt, work.revisedAt, work.updatedAt],
    tags: card.tags.map((t) => [t.type, t.name]),
    creators: card.creators.map((c) => [c.pseud, c.login]),
    series: card.series.map((s) => [s.seriesId, s.title, s.position]),
  };
  return createHash('sha256').update(JSON.stringify(printed)).digest('hex').slice(0, 16);
}

/** `series-<id>-<scope>-`: the files of one series as one kind of reader sees it. */
function seriesFamily(ctx: Pick<ServiceContext, 'actor'>, visible: VisibleSeries): string {
  return `series-${visible.series.id}-${workScope(ctx.actor).includeRestricted ? 'members' : 'public'}-`;
}

/** `series-<id>-<scope>-<fingerprint>.<format>` */
export function seriesCacheFileName(ctx: Pick<ServiceContext, 'site' | 'actor'>, visible: VisibleSeries, format: ExportFormat): string {
  const { series } = visible;
  const printed = {
    v: EXPORT_VERSION,
    site: ctx.site,
    series: [series.id, series.title, series.summary, series.notes, series.complete, series.updatedAt],
    works: visible.cards.map((card) => [card.work.id, card.work.revision, workFingerprint(ctx, card)]),
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(printed)).digest('hex').slice(0, 16);
  return `${seriesFamily(ctx, visible)}${fingerprint}.${format}`;
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes atomically (a temporary name, then rename), then removes the family's other versions. */
async function store(dir: string, name: string, bytes: Uint8Array, family: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temporary, bytes);
  await fs.rename(temporary, path.join(dir, name));
  const keep = name.slice(0, name.lastIndexOf('.') + 1);
  for (const entry of await fs.readdir(dir)) {
    if (entry.startsWith(family) && !entry.startsWith(keep)) await fs.rm(path.join(dir, entry), { force: true });
  }
}
