// The corpus's tag universe, planned in memory before any work: ~N/50 fandoms ranked by a Zipf
// law (a handful huge, a long tail), some grouped under a franchise meta tag and some with an
// abbreviation synonym; per fandom a cast of characters (more for big fandoms) and relationships
// between them, each ranked by its own Zipf law; ~N/10 freeforms (the common trope tags first,
// then free-text long-tail tags, mostly unwrangled as on AO3); wrangled synonyms (merger_id),
// fandom parents, character → relationship parents, media → fandom parents and a few meta tags.
import type { TagType } from '../../src/domain/tag-types.ts';
import { tagKey } from '../../src/domain/tag-name.ts';
import { Zipf, chance, int, type Random } from './distributions.ts';
import { MEDIA_FORMS, abbreviation, franchiseName, freeformName, inventedWord, personName } from './names.ts';
import * as V from './vocabulary.ts';

export interface TagSpec {
  name: string;
  type: TagType;
  canonical: boolean;
  /** Index (in `TagPlan.specs`) of the canonical tag this one is a synonym of; -1 for none. Always smaller than its own index. */
  merger: number;
  relationshipKind: 'romantic' | 'platonic' | null;
}

export interface FandomPlan {
  /** Spec index of the fandom tag. */
  tag: number;
  /** Spec index of an abbreviation synonym, or -1. */
  synonym: number;
  /** Characters, most popular first (spec indexes). */
  characters: number[];
  /** For each character, a synonym's spec index or -1. */
  characterSynonyms: number[];
  /** Relationships, most popular first. */
  relationships: number[];
  /** For each relationship, positions in `characters` of its members. */
  cast: number[][];
  characterZipf: Zipf;
  relationshipZipf: Zipf | null;
}

export interface TagPlan {
  specs: TagSpec[];
  /** In popularity order: works draw their fandoms with `fandomZipf`. */
  fandoms: FandomPlan[];
  fandomZipf: Zipf;
  /** Freeforms in popularity order. */
  freeforms: number[];
  freeformZipf: Zipf;
  /** Canonical freeform → its synonyms (writers sometimes use those). */
  freeformSynonyms: Map<number, number[]>;
  /** Characters any fandom's works may use ("Original Characters", "Reader"). */
  sharedCharacters: number[];
  /** parent → child links; a string parent is an existing media tag's name. */
  parents: Array<[parent: number | string, child: number]>;
  /** meta → sub links. */
  metas: Array<[meta: number, sub: number]>;
}

export interface TagPlanOptions {
  works: number;
  /** Names already taken (the fixed and media tags), by tagKey. */
  taken: Iterable<string>;
}

/** Fandom popularity: Zipf s = 1 with offset 1, so the biggest fandom holds ~5% of works at 20,000 fandoms. */
export function fandomCount(works: number): number {
  return Math.max(8, Math.round(works / 50));
}

export function freeformCount(works: number): number {
  return Math.max(COMMON_COUNT + 50, Math.round(works / 10));
}
const COMMON_COUNT = V.COMMON_FREEFORMS.length;

/** Average fandoms per work (1 plus the ~8% crossovers), to size each fandom's cast. */
const FANDOMS_PER_WORK = 1.08;

export function planTags(random: Random, options: TagPlanOptions): TagPlan {
  const specs: TagSpec[] = [];
  const used = new Set(options.taken);
  /** Adds a tag when its name is free; returns its index or -1. */
  const add = (name: string, type: TagType, canonical: boolean, merger = -1, relationshipKind: TagSpec['relationshipKind'] = null): number => {
    const key = tagKey(name);
    if (name.length > 150 || name.includes(',') || used.has(key)) return -1;
    used.add(key);
    specs.push({ name, type, canonical, merger, relationshipKind });
    return specs.length - 1;
  };
  const parents: TagPlan['parents'] = [];
  const metas: TagPlan['metas'] = [];

  // ── Fandoms, some in franchises with a meta tag over their media versions ──
  const count = fandomCount(options.works);
  const fandomZipf = new Zipf(count, 1, 1);
  const fandomTags: Array<{ tag: number; short: string }> = [];
  while (fandomTags.length < count) {
    const base = franchiseName(random);
    const versions = chance(random, 0.05) ? int(random, 2, 3) : 1;
    const forms = new Set<string>();
    const members: number[] = [];
    for (let v = 0; v < versions && fandomTags.length < count; v++) {
      const form = MEDIA_FORMS.draw(random);
      const suffix = form.suffix(random);
      if (forms.has(form.media)) continue;
      const tag = add(`${base}${suffix}`, 'fandom', true);
      if (tag < 0) continue;
      forms.add(form.media);
      parents.push([form.media, tag]);
      fandomTags.push({ tag, short: base });
      members.push(tag);
    }
    if (members.length > 1) {
      const meta = add(base, 'fandom', true);
      if (meta >= 0) {
        parents.push(['Other Media', meta]);
        for (const member of members) metas.push([meta, member]);
      }
    }
  }

  // ── Casts: characters and relationships, scaled to each fandom's expected works ──
  const fandoms: FandomPlan[] = fandomTags.map(({ tag, short }, rank) => {
    const expectedWorks = options.works * FANDOMS_PER_WORK * fandomZipf.share(rank);
    let synonym = -1;
    const initials = abbreviation(short);
    if (rank < count / 20 && initials && chance(random, 0.5)) synonym = add(initials, 'fandom', false, tag);

    const castSize = Math.max(2, Math.min(1000, Math.round(2 + Math.sqrt(expectedWorks))));
    const characters: number[] = [];
    const characterSynonyms: number[] = [];
    for (let attempt = 0; characters.length < castSize && attempt < castSize * 3; attempt++) {
      let name = personName(random);
      // AO3 tells same-named characters apart by their fandom.
      if (used.has(tagKey(name))) name = `${name} (${short})`;
      const canonical = characters.length < 3 || chance(random, 0.9);
      const character = add(name, 'character', canonical);
      if (character < 0) continue;
      characters.push(character);
      let alias = -1;
      if (canonical) {
        parents.push([tag, character]);
        if (chance(random, 0.08)) {
          const parts = name.split(' ');
          alias = add(parts.length > 1 ? `${parts.at(-1)} ${parts[0]}` : `${name} ${capital(inventedWord(random))}`, 'character', false, character);
          if (alias >= 0) parents.push([tag, alias]);
        }
      }
      characterSynonyms.push(alias);
    }
    const characterZipf = new Zipf(characters.length, 1);

    const relationships: number[] = [];
    const cast: number[][] = [];
    const seen = new Set<string>();
    const wanted = characters.length < 2 ? 0 : Math.round(characters.length * 1.2);
    for (let attempt = 0; relationships.length < wanted && attempt < wanted * 4; attempt++) {
      const members = [characterZipf.draw(random), characterZipf.draw(random)];
      if (chance(random, 0.04)) members.push(characterZipf.draw(random));
      if (new Set(members).size !== members.length) continue;
      const key = [...members].sort((a, b) => a - b).join(':');
      if (seen.has(key)) continue;
      seen.add(key);
      const platonic = chance(random, 0.2);
      const names = members.map((m) => specs[characters[m]!]!.name);
      const canonical = chance(random, 0.85);
      const relationship = add(names.join(platonic ? ' & ' : '/'), 'relationship', canonical, -1, platonic ? 'platonic' : 'romantic');
      if (relationship < 0) continue;
      relationships.push(relationship);
      cast.push(members);
      if (!canonical) continue;
      parents.push([tag, relationship]);
      // Wranglers link a canonical relationship to its canonical characters.
      for (const m of members) if (specs[characters[m]!]!.canonical) parents.push([characters[m]!, relationship]);
      // Ship names: a portmanteau of the first two names, merged into the canonical tag.
      if (!platonic && chance(random, 0.05)) {
        const [a, b] = names.map((n) => n.split(' ')[0]!);
        const ship = add(`${a!.slice(0, Math.ceil(a!.length / 2))}${b!.slice(Math.floor(b!.length / 2)).toLowerCase()}`, 'relationship', false, relationship, 'romantic');
        if (ship >= 0) parents.push([tag, ship]);
      }
    }
    return {
      tag,
      synonym,
      characters,
      characterSynonyms,
      relationships,
      cast,
      characterZipf,
      relationshipZipf: relationships.length > 0 ? new Zipf(relationships.length, 1, 1) : null,
    };
  });

  const sharedCharacters = ['Original Characters', 'Original Female Character(s)', 'Original Male Character(s)', 'Reader']
    .map((name) => add(name, 'character', true))
    .filter((i) => i >= 0);

  // ── Freeforms: the common tags (canonical, with metas and synonyms), then the long tail ──
  const freeforms: number[] = [];
  const byName = new Map<string, number>();
  for (const name of V.COMMON_FREEFORMS) {
    const tag = add(name, 'freeform', true);
    if (tag < 0) continue;
    freeforms.push(tag);
    byName.set(name, tag);
  }
  for (const [sub, meta] of V.FREEFORM_METAS) {
    const s = byName.get(sub);
    const m = byName.get(meta);
    if (s !== undefined && m !== undefined) metas.push([m, s]);
  }
  const freeformSynonyms = new Map<number, number[]>();
  for (const [synonym, canonical] of V.FREEFORM_SYNONYMS) {
    const target = byName.get(canonical);
    if (target === undefined) continue;
    const tag = add(synonym, 'freeform', false, target);
    if (tag >= 0) freeformSynonyms.set(target, [...(freeformSynonyms.get(target) ?? []), tag]);
  }
  const totalFreeforms = freeformCount(options.works);
  for (let attempt = 0; freeforms.length < totalFreeforms && attempt < totalFreeforms * 5; attempt++) {
    // A third of the long tail is about one character of a fandom ("X Needs a Hug").
    const fandom = chance(random, 0.33) ? fandoms[fandomZipf.draw(random)]! : null;
    const character = fandom && fandom.characters.length > 0 ? specs[fandom.characters[fandom.characterZipf.draw(random)]!]!.name.split(' ')[0]! : null;
    const canonical = chance(random, 0.04);
    const tag = add(freeformName(random, character), 'freeform', canonical);
    if (tag < 0) continue;
    freeforms.push(tag);
    if (canonical && fandom) parents.push([fandom.tag, tag]);
  }

  return {
    specs,
    fandoms,
    fandomZipf,
    freeforms,
    freeformZipf: new Zipf(freeforms.length, 1, 10),
    freeformSynonyms,
    sharedCharacters,
    parents,
    metas,
  };
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

