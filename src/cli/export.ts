// `owlery export WORK_ID --format epub|html|txt|md|pdf|mobi|azw3 --out FILE` (DESIGN.md): the same
// files as the download links, made at the command line. The CLI acts as the system, so drafts,
// restricted and hidden works export too, with every creator named.
//
// `owlery export --series ID …` writes a whole series as one book, as its download link does. The
// series holds its listed works (services/export-series.ts): restricted ones too at the command
// line, but never drafts or works an admin hid — a series book is what the series shows.
import fs from 'node:fs';
import path from 'node:path';
import { configFrom, parse, UsageError } from './args.ts';
import { withStore } from './store.ts';
import { downloadSeries, downloadWork } from '../services/downloads.ts';
import { EXPORT_FORMATS, isExportFormat } from '../formats/export/index.ts';

export const EXPORT_HELP = `owlery export WORK_ID --format ${EXPORT_FORMATS.join('|')} --out FILE [--base-url URL]
owlery export --series SERIES_ID --format ${EXPORT_FORMATS.join('|')} --out FILE [--base-url URL]
  Writes a work, or a whole series as one book, as a file (refuses to overwrite one). PDF, MOBI
  and AZW3 need Calibre's ebook-convert. Links in the file use --base-url (or OWLERY_BASE_URL).`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' }, series: { type: 'string' } }, true);
  if (values.help) return (console.log(EXPORT_HELP), 0);
  const series = values.series !== undefined;
  const noun = series ? 'series' : 'work';
  const [idArg] = series ? [values.series] : positionals;
  if (series && positionals.length > 0) throw new UsageError(`Name either a work id or --series ID, not both.\n${EXPORT_HELP}`);
  if (!idArg || positionals.length > 1) throw new UsageError(`Name exactly one work id.\n${EXPORT_HELP}`);
  if (!/^[1-9]\d{0,9}$/.test(idArg) || Number(idArg) > 2_147_483_647) throw new UsageError(`"${idArg}" is not a ${noun} id (a positive whole number).`);
  const format = values.format;
  if (!format) throw new UsageError(`--format is required: one of ${EXPORT_FORMATS.join(', ')}.`);
  if (!isExportFormat(format)) throw new UsageError(`Unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`);
  const out = values.out;
  if (!out) throw new UsageError('--out FILE is required.');
  if (fs.existsSync(out)) throw new UsageError(`${out} exists; choose a new file name.`);
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`No such directory: ${dir}`);

  const config = configFrom(values);
  const download = await withStore(config, (_store, ctx) => (series ? downloadSeries : downloadWork)(ctx, Number(idArg), format, { cacheDir: null }));
  // 'wx' fails rather than overwrite a file that appeared meanwhile.
  try {
    fs.writeFileSync(out, download.bytes, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${out} exists; choose a new file name.`);
    throw error;
  }
  console.log(`Wrote ${out} (${format.toUpperCase()}, ${download.bytes.byteLength.toLocaleString('en-US')} bytes)`);
  return 0;
}
