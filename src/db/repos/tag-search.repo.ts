// Tag name search for the posting form's autocomplete: a prefix match at the start of any word of
// the normalized name, canonical tags first. Only tags a reader could already find are offered —
// canonical tags, and tags on at least one work visible in the given scope — so a tag used only on
// a draft or a hidden work never leaks through the autocomplete (DESIGN.md, "leak nowhere").
import { sql } from 'kysely';
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { TagType } from '../../domain/tag-types.ts';
import type { WorkScope } from '../../domain/policy.ts';

export interface TagSuggestion {
  name: string;
  type: TagType;
  canonical: boolean;
}

export interface TagSearch {
  type: TagType;
  /** Already normalized the way name_key is (tagKey): lower-case, collapsed whitespace. */
  prefix: string;
  scope: WorkScope;
  /** Among canonical and among other tags, those of this fandom (wrangled children, or used on its works) come first. */
  fandomId?: number | null;
  limit: number;
}

/** Characters after which a new word starts in a tag name ("Draco Malfoy/Harry Potter (Young)"). */
const WORD_STARTS = [' ', '/', '(', '-', '&', '"', '.'];

/** LIKE with "!" as the escape character, so user input cannot inject wildcards. */
function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

export async function searchTags(db: Db, search: TagSearch): Promise<TagSuggestion[]> {
  const escaped = likeEscape(search.prefix);
  const patterns = [`${escaped}%`, ...WORD_STARTS.map((c) => `%${likeEscape(c)}${escaped}%`)];
  const fandomId = search.fandomId ?? null;
  let query = db
    .selectFrom('tags')
    .select(['tags.name', 'tags.type', 'tags.canonical'])
    .where('tags.type', '=', search.type)
    .where((eb) => eb.or(patterns.map((p) => sql<boolean>`${eb.ref('tags.name_key')} like ${p} escape '!'`)))
    .where((eb) =>
      eb.or([
        eb('tags.canonical', '=', true),
        eb.exists(
          eb
            .selectFrom('work_tags')
            .innerJoin('works', 'works.id', 'work_tags.work_id')
            .select('work_tags.work_id')
            .whereRef('work_tags.tag_id', '=', 'tags.id')
            .where('works.posted', '=', true)
            .where('works.hidden_by_admin', '=', false)
            .$if(!search.scope.includeRestricted, (q) => q.where('works.restricted', '=', false)),
        ),
      ]),
    );
  if (fandomId !== null) {
    // 1 when the tag belongs to the fandom: a wrangled child of it, or on a visible work in it.
    const inFandom = sql<number>`case when exists (select 1 from tag_parents tp where tp.child_id = tags.id and tp.parent_id = ${fandomId})
      or exists (select 1 from work_tags wt join work_filters wf on wf.work_id = wt.work_id join works w on w.id = wt.work_id
        where wt.tag_id = tags.id and wf.tag_id = ${fandomId} and w.posted = ${sql.lit(true)} and w.hidden_by_admin = ${sql.lit(false)}) then 1 else 0 end`;
    query = query.orderBy('tags.canonical', 'desc').orderBy(inFandom, 'desc');
  } else {
    query = query.orderBy('tags.canonical', 'desc');
  }
  const rows = await query.orderBy('tags.name_key').limit(search.limit).execute();
  return rows.map((r) => ({ name: r.name, type: r.type, canonical: bool(r.canonical) }));
}
