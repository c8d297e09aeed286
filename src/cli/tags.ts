// `owlery tags import FILE.json` and `owlery tags export` (DESIGN.md): tag sets as JSON.
import fs from 'node:fs';
import { configFrom, parse, UsageError } from './args.ts';
import { withStore } from './store.ts';
import { exportTagSet, importTagSet, parseTagSet } from '../services/wrangling/tag-sets.ts';

export const TAGS_HELP = `owlery tags import FILE.json   loads a tag set (idempotent: importing twice changes nothing)
owlery tags export [--out FILE]  writes the archive's wrangled tags as a tag set (stdout by default)
  A tag set: [{"name":"Draco Malfoy","type":"character","canonical":true,"fandoms":["…"],
  "synonyms":["Draco"],"metaTags":[],"parents":[]}]. tag-sets/starter.json holds the fixed tags
  and AO3's media categories.`;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`No such file: ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function tagsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'import') {
    const { values, positionals } = parse(rest, {}, true);
    if (values.help) return (console.log(TAGS_HELP), 0);
    if (positionals.length !== 1) throw new UsageError('Name one tag set file: owlery tags import FILE.json');
    const entries = parseTagSet(readJson(positionals[0]!));
    const summary = await withStore(configFrom(values), (_store, ctx) => importTagSet(ctx, entries));
    console.log(`Imported ${entries.length} tags: ${summary.created} created, ${summary.changed} changes, ${summary.recomputed} works refiltered${summary.jobId ? `, the rest in job ${summary.jobId}` : ''}.`);
    return 0;
  }
  if (sub === 'export') {
    const { values } = parse(rest, { out: { type: 'string' } });
    if (values.help) return (console.log(TAGS_HELP), 0);
    const entries = await withStore(configFrom(values), (_store, ctx) => exportTagSet(ctx));
    const json = `${JSON.stringify(entries, null, 2)}\n`;
    if (values.out) {
      fs.writeFileSync(values.out, json);
      console.error(`Wrote ${entries.length} tags to ${values.out}.`);
    } else {
      process.stdout.write(json);
    }
    return 0;
  }
  throw new UsageError(`Unknown tags subcommand ${sub ?? '(none)'}.\n${TAGS_HELP}`);
}
