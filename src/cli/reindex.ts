// `owlery reindex`: rebuilds the full-text search index from every work. Needed after a bulk load
// that switched the change log off, or after restoring a backup taken without the index; the
// index otherwise keeps itself up to date. The archive keeps serving while it runs (each batch
// replaces its works' rows in one transaction), so it is safe on a live site.
import { configFrom, parse, UsageError } from './args.ts';
import { progressLine } from './progress.ts';
import { withStore } from './store.ts';
import { searchProviderFor } from '../search/fulltext/index.ts';

export const REINDEX_HELP = `owlery reindex [--data DIR | --database-url URL]
  Rebuilds the full-text search index from every work, with progress on stderr.`;

/** Redraws at most this often on a terminal; a log gets a line per tenth of the way. */
const REDRAW_MS = 200;

export async function reindexCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, true);
  if (values.help) return (console.log(REINDEX_HELP), 0);
  if (positionals.length > 0) throw new UsageError(`reindex takes no arguments (got ${positionals.join(' ')}).`);
  const config = configFrom(values);

  const started = performance.now();
  const bar = progressLine('Indexing');
  let works = 0;
  let lastDone = -1;
  let lastDraw = 0;
  let lastTenth = -1;
  await withStore(config, async (store) => {
    await searchProviderFor(store.db, store.caps).rebuild((done, total) => {
      works = total;
      if (done === lastDone) return; // the closing report repeats the last one
      const now = performance.now();
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      const due = done === total || (process.stderr.isTTY ? now - lastDraw >= REDRAW_MS : tenth !== lastTenth);
      if (!due) return;
      bar.update(done, total);
      lastDone = done;
      lastDraw = now;
      lastTenth = tenth;
    });
  });
  bar.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Rebuilt the full-text index over ${works} works in ${seconds} s.`);
  return 0;
}
