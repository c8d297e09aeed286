// Loads a benchmark corpus (tag-corpus.ts) into a migrated store through the store layer:
// tags with insertTagsBulk (the same search-row code as insertTag), fandom parents as plain
// tag_parents inserts (the 005 triggers copy the search rows, as in production), and a few
// thousand works carrying the non-canonical tags so that the autocomplete's visibility check
// does real work: 70% of those tags are on a posted public work, 10% only on a draft, 5% only on
// a restricted work, 15% on none.
import { sql } from 'kysely';
import type { Store } from '../src/db/connect.ts';
import { insertTagsBulk } from '../src/db/repos/tag-search.repo.ts';
import { tagKey } from '../src/domain/tag-name.ts';
import { pick, rng, type Corpus } from './tag-corpus.ts';

const NOW = '2026-11-21T12:00:00.000Z';

export async function buildTags(store: Store, corpus: Corpus): Promise<void> {
  const random = rng(7);
  await store.db.transaction().execute(async (trx) => {
    const fandomIds = await insertTagsBulk(trx, corpus.fandoms, NOW);
    const ids = await insertTagsBulk(trx, corpus.tags, NOW);
    const fandomId = (index: number) => fandomIds.get(tagKey(corpus.fandoms[index]!.name))!;
    const idOf = (name: string) => ids.get(tagKey(name))!;

    const parents = corpus.tags.flatMap((t) => t.fandoms.map((f) => ({ parent_id: fandomId(f), child_id: idOf(t.name) })));
    for (let i = 0; i < parents.length; i += 1000) await trx.insertInto('tag_parents').values(parents.slice(i, i + 1000)).execute();

    const works = { public: [] as number[], draft: [] as number[], restricted: [] as number[] };
    const plan: Array<[keyof typeof works, number]> = [['public', 4000], ['draft', 500], ['restricted', 500]];
    for (const [kind, count] of plan) {
      for (let i = 0; i < count; i += 500) {
        const rows = Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
          title: `Bench work ${kind} ${i + j}`,
          summary: '',
          notes: '',
          end_notes: '',
          language: 'en',
          posted: kind !== 'draft',
          restricted: kind === 'restricted',
          sanitizer_version: 1,
          posted_at: kind === 'draft' ? null : NOW,
          revised_at: kind === 'draft' ? null : NOW,
          created_at: NOW,
          updated_at: NOW,
        }));
        const inserted = await trx.insertInto('works').values(rows).returning('id').execute();
        works[kind].push(...inserted.map((r) => r.id));
      }
    }
    const workTags = new Map<string, { work_id: number; tag_id: number }>();
    for (const t of corpus.tags) {
      if (t.usage === 'none') continue;
      const row = { work_id: pick(random, works[t.usage]), tag_id: idOf(t.name) };
      workTags.set(`${row.work_id}:${row.tag_id}`, row);
    }
    const rows = [...workTags.values()];
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('work_tags').values(rows.slice(i, i + 1000)).execute();
  });
  if (store.caps.dialect === 'postgres') await sql`vacuum analyze`.execute(store.db);
}
