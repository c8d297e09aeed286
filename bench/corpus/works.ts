// One synthetic work at a time, as rows ready for the store: the work with its counters and
// dates, its chapters (generated text for a tenth of the works, empty bodies otherwise), creators,
// ~20 tags and the filter set and crossover flag computed the way services/filter-set.ts does
// (canonical form of each tag plus its meta ancestors; domain isCrossover).
import { ALL_LANGUAGES } from '../../src/domain/languages.ts';
import { CATEGORIES, RATINGS, WARNINGS } from '../../src/domain/fixed-tags.ts';
import { isCrossover } from '../../src/domain/wrangling-rules.ts';
import { SANITIZER_VERSION } from '../../src/domain/sanitizer-policy.ts';
import {
  Weighted, Zipf, chance, chapterCount, geometric, int, pick, postedAt, revisedAt, splitTotal, workStats, workWords, type Random,
} from './distributions.ts';
import { NameSource, chapterHtml, noteHtml, scriptFor, summaryHtml, titleText } from './text.ts';
import type { TagPlan } from './tags.ts';

export interface ResolvedTags {
  plan: TagPlan;
  /** Database id of each spec. */
  ids: Int32Array;
  /** Fixed tags (ratings, warnings, categories) by name. */
  fixed: Map<string, number>;
  /** The filter set of a tag when it is not just the tag itself (synonyms, tags under meta tags). */
  filterOf: Map<number, number[]>;
  /** Ancestors (itself included) of fandoms that have meta tags, for the crossover rule. */
  fandomAncestors: Map<number, Set<number>>;
  /** Canonical id of each synonym. */
  mergerOf: Map<number, number>;
}

export interface CreatorPool {
  /** Default pseud of user k (user ids are consecutive, so pseud k is user k's). */
  defaultPseuds: Int32Array;
  /** A second pseud, or 0. */
  otherPseuds: Int32Array;
  zipf: Zipf;
}

export interface ChapterRow {
  id: number;
  work_id: number;
  position: number;
  title: string;
  summary: string;
  notes: string;
  end_notes: string;
  content: string;
  word_count: number;
  posted: boolean;
  posted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkRow {
  id: number;
  title: string;
  summary: string;
  notes: string;
  end_notes: string;
  language: string;
  restricted: boolean;
  anonymous: boolean;
  comment_permission: string;
  expected_chapters: number | null;
  complete: boolean;
  posted: boolean;
  hidden_by_admin: boolean;
  crossover: boolean;
  word_count: number;
  chapter_count: number;
  hits: number;
  kudos_count: number;
  comments_count: number;
  bookmarks_count: number;
  sanitizer_version: number;
  posted_at: string | null;
  revised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkRows {
  work: WorkRow;
  chapters: ChapterRow[];
  pseudIds: number[];
  tagIds: number[];
  filterIds: number[];
  /** Words of generated text stored (0 for metadata-only works). */
  textWords: number;
}

export interface WorkOptions {
  /** Chapter text for this work? */
  withText: boolean;
  /** Cap on stored words per work with text. */
  textWordsCap: number;
  /** Epoch milliseconds: the newest possible date. */
  end: number;
}

const RATING = new Weighted<string>([[RATINGS[0], 6], [RATINGS[1], 30], [RATINGS[2], 30], [RATINGS[3], 14], [RATINGS[4], 20]]);
const [CHOSE_NOT, NO_WARNINGS, VIOLENCE, DEATH, NON_CON, UNDERAGE] = WARNINGS;
const WARNING = new Weighted<string>([[NO_WARNINGS, 48], [CHOSE_NOT, 36], [VIOLENCE, 9], [DEATH, 4], [NON_CON, 2], [UNDERAGE, 1]]);
const SECOND_WARNING = new Weighted<string>([[VIOLENCE, 5], [DEATH, 3], [NON_CON, 1], [UNDERAGE, 1]]);
const [GEN, FM, MM, FF, MULTI, OTHER] = CATEGORIES;
const CATEGORY = new Weighted<string>([[MM, 34], [FM, 26], [GEN, 22], [FF, 9], [MULTI, 5], [OTHER, 4]]);

/** Languages other than English, most used first (AO3's order, roughly). */
const OTHER_LANGUAGES = [
  'zh', 'es', 'ru', 'fr', 'de', 'pt-BR', 'it', 'ja', 'pl', 'ko', 'id', 'vi', 'tr', 'nl', 'uk', 'ca', 'sv', 'fi', 'cs', 'hu',
  'pt-PT', 'th', 'fil', 'da', 'no', 'he', 'ar', 'el', 'ro', 'bg',
].filter((code) => ALL_LANGUAGES.some((l) => l.code === code));
const LANGUAGE_ZIPF = new Zipf(OTHER_LANGUAGES.length, 1.1);

const iso = (ms: number) => new Date(ms).toISOString();

/** Picks `count` distinct ranks from a Zipf law (fewer when the list is short). */
function distinct(random: Random, zipf: Zipf, count: number): number[] {
  const out = new Set<number>();
  for (let attempt = 0; out.size < Math.min(count, zipf.n) && attempt < count * 4; attempt++) out.add(zipf.draw(random));
  return [...out];
}

function workTags(random: Random, tags: ResolvedTags): { tagIds: number[]; fandomIds: number[]; names: string[] } {
  const { plan, ids, fixed } = tags;
  const out = new Set<number>();
  const names: string[] = [];
  out.add(fixed.get(RATING.draw(random))!);
  let warning = WARNING.draw(random);
  if (chance(random, 0.15)) {
    const second = SECOND_WARNING.draw(random);
    if (warning === NO_WARNINGS) warning = second;
    else out.add(fixed.get(second)!);
  }
  out.add(fixed.get(warning)!);
  const categories = [CATEGORY.draw(random)];
  if (chance(random, 0.22)) categories.push(CATEGORY.draw(random));
  for (const c of categories) out.add(fixed.get(c)!);

  const primary = plan.fandoms[plan.fandomZipf.draw(random)]!;
  const fandoms = [primary];
  if (chance(random, 0.08)) {
    const second = plan.fandoms[plan.fandomZipf.draw(random)]!;
    if (second !== primary) fandoms.push(second);
  }
  const fandomIds: number[] = [];
  for (const f of fandoms) {
    const id = ids[f.synonym >= 0 && chance(random, 0.05) ? f.synonym : f.tag]!;
    out.add(id);
    fandomIds.push(id);
  }

  // Relationships, then their characters and a few more from the same fandoms.
  const genOnly = categories.every((c) => c === GEN);
  const relationshipCount = chance(random, genOnly ? 0.7 : 0.12) ? 0 : 1 + geometric(random, 1.5);
  const characters = new Set<string>();
  const addCharacter = (fandom: typeof primary, position: number) => {
    const key = `${fandom.tag}:${position}`;
    if (characters.has(key)) return;
    characters.add(key);
    const synonym = fandom.characterSynonyms[position]!;
    const spec = synonym >= 0 && chance(random, 0.15) ? synonym : fandom.characters[position]!;
    out.add(ids[spec]!);
    names.push(plan.specs[fandom.characters[position]!]!.name.split(' ')[0]!);
  };
  for (let i = 0; i < relationshipCount; i++) {
    const fandom = fandoms.length > 1 && chance(random, 0.3) ? fandoms[1]! : primary;
    if (!fandom.relationshipZipf) continue;
    const r = fandom.relationshipZipf.draw(random);
    out.add(ids[fandom.relationships[r]!]!);
    for (const member of fandom.cast[r]!) addCharacter(fandom, member);
  }
  const wantedCharacters = Math.min(25, Math.max(characters.size, 1 + geometric(random, 2.8)));
  for (let attempt = 0; characters.size < wantedCharacters && attempt < wantedCharacters * 3; attempt++) {
    const fandom = fandoms.length > 1 && chance(random, 0.4) ? fandoms[1]! : primary;
    if (fandom.characters.length > 0) addCharacter(fandom, fandom.characterZipf.draw(random));
  }
  if (chance(random, 0.04)) out.add(ids[pick(random, plan.sharedCharacters)]!);

  for (const rank of distinct(random, plan.freeformZipf, Math.min(60, geometric(random, 9.5)))) {
    const tag = plan.freeforms[rank]!;
    const synonyms = plan.freeformSynonyms.get(tag);
    out.add(ids[synonyms && chance(random, 0.15) ? pick(random, synonyms) : tag]!);
  }
  return { tagIds: [...out], fandomIds, names };
}

function filterSet(tags: ResolvedTags, tagIds: readonly number[], fandomIds: readonly number[]): { filterIds: number[]; crossover: boolean } {
  const filters = new Set<number>();
  for (const id of tagIds) {
    const extra = tags.filterOf.get(id);
    if (extra) for (const f of extra) filters.add(f);
    else filters.add(id);
  }
  const canonicalFandoms = fandomIds.map((id) => tags.mergerOf.get(id) ?? id);
  return { filterIds: [...filters].sort((a, b) => a - b), crossover: isCrossover(canonicalFandoms, tags.fandomAncestors) };
}

export interface WorkIds {
  workId: number;
  /** First free chapter id; advanced by the number of chapters written. */
  nextChapterId: number;
}

export function generateWork(random: Random, tags: ResolvedTags, creators: CreatorPool, ids: WorkIds, options: WorkOptions): WorkRows {
  const nominalWords = workWords(random);
  const chapters = chapterCount(random, nominalWords);
  const draft = chance(random, 0.02);
  const hidden = !draft && chance(random, 0.005);
  const restricted = chance(random, 0.05);
  const anonymous = chance(random, 0.03);
  const language = chance(random, 0.9) ? 'en' : OTHER_LANGUAGES[LANGUAGE_ZIPF.draw(random)]!;
  const script = scriptFor(language);

  // Completion: most one-shots are complete; a multi-chapter work is a WIP 45% of the time,
  // and 40% of WIPs do not know how many chapters they will have (`3/?`).
  let expected: number | null;
  if (chapters === 1) expected = chance(random, 0.95) ? 1 : chance(random, 0.5) ? null : int(random, 2, 5);
  else if (chance(random, 0.55)) expected = chapters;
  else expected = chance(random, 0.4) ? null : chapters + 1 + geometric(random, 4);
  const posted = !draft;
  const complete = posted && expected !== null && chapters >= expected;

  const postedMs = postedAt(random, options.end);
  const revisedMs = revisedAt(random, postedMs, chapters, options.end);
  const createdMs = postedMs - int(random, 60_000, 3 * 86_400_000);

  const { tagIds, fandomIds, names } = workTags(random, tags);
  const { filterIds, crossover } = filterSet(tags, tagIds, fandomIds);
  const nameSource = new NameSource(names.slice(0, 8));

  const user = creators.zipf.draw(random);
  // Every draw is made whatever the other streams decided (here: whether the user has a second
  // pseud), so the works of a seed do not depend on how the accounts came out.
  const usesOther = chance(random, 0.3);
  const pseudIds = [usesOther && creators.otherPseuds[user]! > 0 ? creators.otherPseuds[user]! : creators.defaultPseuds[user]!];
  if (chance(random, 0.05)) {
    const co = creators.defaultPseuds[creators.zipf.draw(random)]!;
    if (co !== pseudIds[0]) pseudIds.push(co);
  }

  const stats = posted ? workStats(random) : { kudos: 0, hits: 0, comments: 0, bookmarks: 0 };
  const created = iso(Math.max(0, createdMs));
  const revised = iso(revisedMs);
  const chapterRows: ChapterRow[] = [];
  let textWords = 0;
  const stored = options.withText ? splitTotal(random, Math.max(chapters, Math.min(nominalWords, options.textWordsCap)), chapters) : splitTotal(random, nominalWords, chapters);
  const titled = chapters > 1 && chance(random, 0.5);
  for (let c = 0; c < chapters; c++) {
    let content = '';
    let words = stored[c]!;
    if (options.withText) {
      const text = chapterHtml(random, words, script, nameSource);
      content = text.html;
      words = text.words;
      textWords += words;
    }
    const chapterPosted = chapters === 1 ? postedMs : postedMs + Math.floor(((revisedMs - postedMs) * c) / (chapters - 1));
    chapterRows.push({
      id: ids.nextChapterId++,
      work_id: ids.workId,
      position: c + 1,
      title: titled ? titleText(random, script, nameSource) : '',
      summary: '',
      notes: options.withText && chance(random, 0.15) ? noteHtml(random, script, nameSource) : '',
      end_notes: options.withText && chance(random, 0.08) ? noteHtml(random, script, nameSource) : '',
      content,
      word_count: words,
      posted,
      posted_at: posted ? iso(chapterPosted) : null,
      created_at: iso(Math.min(chapterPosted, revisedMs)),
      updated_at: iso(chapterPosted),
    });
  }
  const wordCount = chapterRows.reduce((sum, c) => sum + c.word_count, 0);

  const work: WorkRow = {
    id: ids.workId,
    title: titleText(random, script, nameSource),
    summary: summaryHtml(random, script, nameSource),
    notes: chance(random, 0.3) ? noteHtml(random, script, nameSource) : '',
    end_notes: chance(random, 0.15) ? noteHtml(random, script, nameSource) : '',
    language,
    restricted,
    anonymous,
    comment_permission: chance(random, 0.03) ? 'users' : chance(random, 0.01) ? 'none' : 'everyone',
    expected_chapters: expected === null ? null : Math.max(expected, posted ? chapters : 0),
    complete,
    posted,
    hidden_by_admin: hidden,
    crossover,
    // A draft shows no words or chapters until it is posted (services/write-work.ts).
    word_count: posted ? wordCount : 0,
    chapter_count: posted ? chapters : 0,
    hits: stats.hits,
    kudos_count: stats.kudos,
    comments_count: stats.comments,
    bookmarks_count: stats.bookmarks,
    sanitizer_version: SANITIZER_VERSION,
    posted_at: posted ? iso(postedMs) : null,
    revised_at: posted ? revised : null,
    created_at: created,
    updated_at: posted ? revised : created,
  };
  return { work, chapters: chapterRows, pseudIds, tagIds, filterIds, textWords };
}
