// A synthetic, reproducible tag set for the autocomplete benchmark: fandoms, characters with
// accented and CJK names, "A/B" and "A & B" relationships, freeforms of several words, about 30%
// canonical, children spread over the fandoms unevenly (a few big fandoms, a long tail), as on
// a real archive. Every name is generated here; nothing is copied from an existing archive.
import type { TagType } from '../src/domain/tag-types.ts';
import { tagKey } from '../src/domain/tag-name.ts';

/** Mulberry32: a small seeded generator, so every run builds the same corpus and query mix. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** An index in [0, n) with Zipf-like weights: index 0 is the most popular. */
export function zipf(random: () => number, n: number): number {
  // Inverse of a continuous 1/x density over [1, n + 1): cheap and skewed enough.
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1))) - 1);
}

const FIRST = [
  'Anne', 'Draco', 'Harry', 'Hermione', 'Elizabeth', 'Frederick', 'Éléonore', 'Zoë', 'Björn', 'Søren', 'José', 'Łukasz', 'Anaïs', 'Chloé',
  'François', 'Dorothée', 'Jürgen', 'Inés', 'Mária', 'Nikolaj', 'Ægir', 'Renée', 'Thérèse', 'Ömer', 'Çağla', 'Dağhan', 'Ångel', 'Mikael',
  'Oliver', 'Amelia', 'Isla', 'Jack', 'Noah', 'Ava', 'Leo', 'Mia', 'Lucas', 'Emma', 'Ethan', 'Sofia', 'Mason', 'Chiara', 'Aurelio', 'Bruna',
  'Caio', 'Dalia', 'Eitan', 'Farah', 'Gideon', 'Hana', 'Ilya', 'Jovana', 'Kasimir', 'Liesel', 'Marisol', 'Nadia', 'Orla', 'Pavel', 'Quentin',
  'Rosalind', 'Silas', 'Tamsin', 'Ulrich', 'Valentina', 'Wendell', 'Ximena', 'Yusuf', 'Zuzana', 'Agnès', 'Benoît', 'Célestine', 'Dónal',
  'Eoghan', 'Fionnuala', 'Gráinne', 'Hélène', 'Íñigo', 'Jérôme', 'Květa', 'Lúcia', 'Maëlle', 'Noémie', 'Oísín', 'Príncipe', 'Raphaël',
  'Sébastien', 'Tomáš', 'Ursule', 'Vítor', 'Wojciech', 'Xavière', 'Yannick', 'Zdeněk', 'Arwel', 'Bryn', 'Cerys', 'Dafydd', 'Eira', 'Gethin',
  'Iolo', 'Lowri', 'Morwenna', 'Nerys', 'Owain', 'Rhys', 'Seren', 'Tegan', 'Wyn', 'Alder', 'Briar', 'Cove', 'Dune', 'Ember', 'Fern', 'Grove',
];
const LAST = [
  'Malfoy', 'Potter', 'Granger', 'Elliot', 'Wentworth', 'Dubois', 'Müller', 'García', 'Nowak', 'Ødegaard', 'Šimić', "O'Brien", 'Løvås',
  'Kowalczyk', 'Fernández', 'Żuławski', 'Årnes', 'Çelik', 'Nguyễn', 'Trần', 'Lê', 'Đặng', 'Phạm', 'Smith', 'Jones', 'Taylor', 'Brown',
  'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall',
  'Wood', 'Jackson', 'Clarke', 'Ashdown', 'Blackwood', 'Carrow', 'Dunmore', 'Everleigh', 'Fairweather', 'Greystone', 'Hollowell',
  'Ironside', 'Jessop', 'Kettering', 'Larkspur', 'Merriwether', 'Nightingale', 'Oakenshield', 'Pemberton', 'Quill', 'Ravenscroft',
  'Silverthorne', 'Thistlewood', 'Underhill', 'Vance', 'Whitlock', 'Yardley', 'Zeller', 'Abelard', 'Brennan', 'Castellanos', 'Delacroix',
  'Esposito', 'Fournier', 'Gallagher', 'Hernández', 'Ivanova', 'Jovanović', 'Kovačević', 'Lindqvist', 'Moreau', 'Novák', 'Olsson',
  'Petrović', 'Quintero', 'Rousseau', 'Sørensen', 'Takahashi', 'Urquhart', 'Valdés', 'Wiśniewski', 'Xu', 'Yilmaz', 'Zając', 'Ambrose',
  'Bellweather', 'Crane', 'Drummond', 'Ellery', 'Fitzroy', 'Gaunt', 'Harrow', 'Ingram', 'Jaspers', 'Keats', 'Lovelace', 'Marlowe',
  'Northcott', 'Osgood', 'Penhallow', 'Redgrave', 'Sinclair', 'Trelawney', 'Umber', 'Vesper', 'Winslow', 'Yorke', 'Zabini', 'Ainsworth',
];
const JA_FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '中村', '小林', '加藤', '吉田', '山本'];
const JA_GIVEN = ['太郎', '花子', '翔', '葵', '蓮', '陽菜', '湊', '結衣', 'さくら', 'ひかり', 'ユウキ', 'アキラ'];
const WORLD_ADJ = ['Silver', 'Hollow', 'Crimson', 'Quiet', 'Broken', 'Gilded', 'Northern', 'Sunken', 'Wild', 'Last', 'Iron', 'Glass', 'Endless', 'Pale', 'Secret', 'Burning', 'Frozen', 'Lost', 'Starlit', 'Hidden'];
const WORLD_NOUN = ['Tide', 'Crown', 'Harbour', 'Lantern', 'Archive', 'Forest', 'Empire', 'Academy', 'Orchard', 'Citadel', 'Meridian', 'Garden', 'Station', 'Kingdom', 'Frontier', 'Chronicle', 'Covenant', 'Rebellion', 'Symphony', 'Labyrinth'];
const MEDIA_SUFFIX = [' (TV)', ' - All Media Types', ' (Video Game)', ' (Anime & Manga)', ' (Movies)', ' (Comics)', ''];
const FREEFORM_WORDS = [
  'Angst', 'Fluff', 'Hurt', 'Comfort', 'Slow', 'Burn', 'Alternate', 'Universe', 'Coffee', 'Shop', 'Café', 'Déjà', 'Vu', 'Naïve', 'Happy',
  'Ending', 'Found', 'Family', 'Enemies', 'Lovers', 'Friends', 'Canon', 'Divergence', 'Compliant', 'Post', 'War', 'Time', 'Travel',
  'Soulmates', 'Mutual', 'Pining', 'Domestic', 'Hogwarts', 'Eighth', 'Year', 'Mystery', 'Case', 'Fic', 'Hospitals', 'Whump', 'Banter',
  'Road', 'Trip', 'Fake', 'Dating', 'Marriage', 'Convenience', 'Royalty', 'Magic', 'Dragons', 'Vampires', 'Werewolves', 'Ghosts', 'Winter',
  'Summer', 'Holidays', 'Christmas', 'Birthday', 'Letters', 'Epistolary', 'Poetry', 'Drabble', 'Ficlet', 'Crack', 'Humor', 'Dark',
  'Character', 'Study', 'Introspection', 'Grief', 'Mourning', 'Recovery', 'Healing', 'Nightmares', 'Insomnia', 'Tea', 'Baking', 'Gardening',
  'Music', 'Dancing', 'Ballet', 'Football', 'Quidditch', 'Sailing', 'Pirates', 'Space', 'Aliens', 'Robots', 'Cyberpunk', 'Steampunk',
  'Détective', 'Noir', 'Heist', 'Spies', 'Assassins', 'Knights', 'Élan', 'Über', 'Smörgåsbord', 'Fête', 'Soirée', 'Piñata', 'Jalapeño',
  'Bookshop', 'Library', 'Museum', 'Lighthouse', 'Harbour', 'Island', 'Mountains', 'Desert', 'Rain', 'Snow', 'Storms', 'Thunder',
];
const JA_FREEFORM = ['幸せな結末', '片思い', '学園パロ', '現代パロ', 'ほのぼの', 'シリアス', '甘々', '切ない', 'ハッピーエンド', 'ファンタジー'];

export interface CorpusTag {
  name: string;
  type: TagType;
  canonical: boolean;
  /** Indexes into the fandom list. */
  fandoms: number[];
  /** Non-canonical tags: on a posted public work, only a draft, only a restricted work, or none. */
  usage: 'public' | 'draft' | 'restricted' | 'none';
}

export interface Corpus {
  fandoms: CorpusTag[];
  tags: CorpusTag[];
}

/** `total` tags in all (fandoms included), deterministic for a seed. */
export function buildCorpus(total: number, fandomCount: number, seed = 20261121): Corpus {
  const random = rng(seed);
  const used = new Set<string>();
  const unique = (name: string): boolean => {
    const key = tagKey(name);
    if (used.has(key)) return false;
    used.add(key);
    return true;
  };
  const usage = (): CorpusTag['usage'] => {
    const r = random();
    return r < 0.7 ? 'public' : r < 0.8 ? 'draft' : r < 0.85 ? 'restricted' : 'none';
  };

  const fandoms: CorpusTag[] = [];
  while (fandoms.length < fandomCount) {
    const base = random() < 0.5 ? `The ${pick(random, WORLD_ADJ)} ${pick(random, WORLD_NOUN)}` : `${pick(random, WORLD_NOUN)} of ${pick(random, LAST)}`;
    const name = `${base}${pick(random, MEDIA_SUFFIX)}`;
    if (unique(name)) fandoms.push({ name, type: 'fandom', canonical: true, fandoms: [], usage: 'public' });
  }
  const shortFandom = (i: number) => fandoms[i]!.name.replace(/ \(.*$| - .*$/, '');

  const tags: CorpusTag[] = [];
  const remaining = total - fandoms.length;
  const characterTarget = Math.round(remaining * 0.3);
  const relationshipTarget = Math.round(remaining * 0.3);
  const charactersByFandom = new Map<number, string[]>();
  const child = (name: string, type: TagType, fandom: number): void => {
    const canonical = random() < 0.3;
    // Wranglers give canonical tags their fandoms (a few have two); some synonyms keep one too.
    const parents = canonical ? (random() < 0.1 ? [fandom, zipf(random, fandoms.length)] : [fandom]) : random() < 0.2 ? [fandom] : [];
    tags.push({ name, type, canonical, fandoms: [...new Set(parents)], usage: canonical ? 'public' : usage() });
  };

  while (tags.length < characterTarget) {
    const fandom = zipf(random, fandoms.length);
    const r = random();
    let name: string;
    if (r < 0.04) name = `${pick(random, JA_FAMILY)}${pick(random, JA_GIVEN)}`;
    else if (r < 0.6) name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    else if (r < 0.8) name = `${pick(random, FIRST)} ${String.fromCharCode(65 + Math.floor(random() * 26))}. ${pick(random, LAST)}`;
    else name = `${pick(random, FIRST)} ${pick(random, LAST)}-${pick(random, LAST)}`;
    // AO3 tells same-named characters apart by their fandom.
    if (!unique(name) && !unique((name = `${name} (${shortFandom(fandom)})`))) continue;
    child(name, 'character', fandom);
    const list = charactersByFandom.get(fandom) ?? [];
    list.push(name);
    charactersByFandom.set(fandom, list);
  }
  const fandomsWithCast = [...charactersByFandom.entries()].filter(([, list]) => list.length >= 2);
  while (tags.length < characterTarget + relationshipTarget) {
    const [fandom, cast] = fandomsWithCast[zipf(random, fandomsWithCast.length)]!;
    const a = pick(random, cast);
    const b = pick(random, cast);
    if (a === b) continue;
    const name = `${a}${random() < 0.8 ? '/' : ' & '}${b}`;
    if (name.length > 150 || !unique(name)) continue;
    child(name, 'relationship', fandom);
  }
  while (tags.length < remaining) {
    const fandom = zipf(random, fandoms.length);
    let name: string;
    if (random() < 0.03) {
      name = `${pick(random, JA_FREEFORM)}${random() < 0.5 ? '' : pick(random, JA_FREEFORM)}`;
    } else {
      const words = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(random, FREEFORM_WORDS));
      name = random() < 0.15 ? `Alternate Universe - ${words.join(' ')}` : words.join(' ');
    }
    if (!unique(name)) continue;
    child(name, 'freeform', fandom);
  }
  return { fandoms, tags };
}
