// Title search for the OPDS catalog's search, until full-text search arrives (issue 5): works
// whose title contains the words as typed, case-insensitively, newest-updated first. Visibility is
// the listings' own filter (work-listing.repo.ts applyFilter with the policy's WorkScope), so a
// search can never reach a draft, a hidden work or — for guests — a restricted one.
import { sql } from 'kysely';
import type { Db } from '../types.ts';
import { applyFilter, type WorkListFilter } from './work-listing.repo.ts';

/**
 * A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally: a search
 * for "100%" or "a_b" means those characters, not "anything".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case folding on both sides with lower(), so both databases agree with themselves: PostgreSQL
 * folds all of Unicode, SQLite (without ICU) folds ASCII only — there "É" matches only "É".
 */
function titleMatches(text: string) {
  return sql<boolean>`lower(${sql.ref('works.title')}) like lower(${containsPattern(text)}) escape '\\'`;
}

export interface TitleSearchPage {
  ids: number[];
  total: number;
}

export async function searchWorkTitles(db: Db, filter: WorkListFilter, text: string, page: { limit: number; offset: number }): Promise<TitleSearchPage> {
  const matching = () => applyFilter(db.selectFrom('works'), filter).where(titleMatches(text));
  const [rows, count] = await Promise.all([
    matching()
      .select('works.id')
      .orderBy('works.revised_at', 'desc')
      .orderBy('works.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    matching()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}
