// Generated prose for the corpus: sentences from templates filled with words drawn by frequency
// (a Zipf law over each list of vocabulary.ts), the work's own character names, dialogue, the
// odd emphasized thought and scene break — stored as the sanitized HTML the archive keeps
// (`<p>` paragraphs, `<em>`, `<hr />`; sanitizeHtml leaves it unchanged). Chinese, Japanese and
// Korean works get text in their scripts.
//
// Word counts are kept while generating: every word form's AO3 count (domain/word-count.ts) is
// computed once, and since words are always separated by spaces, punctuation or tags, the count
// of a chapter is the sum of its words' counts — equal to countWords(html), which the test checks.
import { countWordsInText } from '../../src/domain/word-count.ts';
import { Zipf, chance, int, logNormal, type Random } from './distributions.ts';
import { article, pastTense, plural, presentParticiple, titleCase } from './inflect.ts';
import * as V from './vocabulary.ts';

/** Words drawn with a Zipf law by list position, each with its AO3 word count. */
class Pool {
  readonly words: string[];
  readonly counts: Uint8Array;
  readonly #zipf: Zipf;
  constructor(words: readonly string[], s = 1) {
    this.words = [...words];
    this.counts = Uint8Array.from(this.words, (w) => countWordsInText(w));
    this.#zipf = new Zipf(this.words.length, s, 1);
  }
  index(random: Random): number {
    return this.#zipf.draw(random);
  }
}

const VERB_BASES = [...new Set([...V.COMMON_VERBS, ...V.VERBS])];
const POOLS = {
  N: new Pool(V.NOUNS),
  NS: new Pool(V.NOUNS.map(plural)),
  A: new Pool(V.ADJECTIVES),
  D: new Pool(V.ADVERBS),
  P: new Pool(V.PREPOSITIONS),
  V: new Pool(VERB_BASES.map(pastTense)),
  G: new Pool(VERB_BASES.map(presentParticiple)),
  B: new Pool(VERB_BASES),
  Q: new Pool(V.SAID),
  S: new Pool(V.SUBJECT_PRONOUNS),
  O: new Pool(V.OBJECT_PRONOUNS),
  H: new Pool(V.POSSESSIVES),
  J: new Pool(V.CONJUNCTIONS),
} as const;
type Slot = keyof typeof POOLS | 'C' | 'aA' | 'aN' | '_';

/** Every distinct English word form the generator can write (for the test and the docs). */
export function englishWordForms(): Set<string> {
  return new Set(Object.values(POOLS).flatMap((p) => p.words.map((w) => w.toLowerCase())));
}

/** A sentence pattern: literal text and slots (`{N}` a noun, `{C}` a character, `{_}` quoted speech…). */
interface Template {
  parts: Array<{ slot: Slot } | { text: string }>;
  literalWords: number;
}

function compile(pattern: string): Template {
  const parts: Template['parts'] = [];
  let literalWords = 0;
  for (const piece of pattern.split(/(\{[A-Za-z_]+\})/)) {
    if (piece === '') continue;
    if (piece.startsWith('{')) {
      parts.push({ slot: piece.slice(1, -1) as Slot });
    } else {
      parts.push({ text: piece });
      literalWords += countWordsInText(piece);
    }
  }
  return { parts, literalWords };
}

const NARRATION = [
  '{C} {V} {P} the {N}.',
  'The {A} {N} {V} {D}.',
  '{S} {V} the {N} and {V} {P} the {A} {N}.',
  '{C} {V} {H} {N}, {G} {P} the {N}.',
  'It was {A}, {S} thought, {J} the {N} {V} {D}.',
  '{D}, {C} {V} {P} {H} {A} {NS}.',
  'There was {aA} {N} {P} the {N}, and {S} {V} it {D}.',
  '{S} {V} {O} {D}.',
  '{C} and {C} {V} {P} the {N} {P} {A} {NS}.',
  'Nobody {V} the {N}.',
  '{H} {N} was {A} and {A}.',
  'For {aN}, neither of them {V}.',
  '{S} had never {V} {aA} {N} like that.',
  'The {NS} {P} the {N} were {A}.',
  '{C} {V}, {J} {S} {V} {D}.',
  'Outside, the {N} {V} {P} the {A} {NS}.',
  '{S} could still hear the {N}.',
  'When {C} {V}, the {N} was already {A}.',
  '{C} {V} {D} {P} the {N}, {G}.',
  'It had been {aA} {N}.',
].map(compile);

const DIALOGUE = [
  'I {V} the {N}',
  'You should {B} the {N}',
  'We {V} {P} the {A} {N}',
  'Where is the {N}',
  'Did you {B} {H} {N}',
  'It was {A}',
  'Don’t {B} me',
  'I never {V} {aA} {N}',
  'That {N} is {A}',
  '{C}, {B} the {N}',
].map(compile);
const SAID = [compile('“{_},” {C} {Q}.'), compile('“{_},” {S} {Q}, {G} {P} the {N}.'), compile('“{_}?” {Q} {C}.'), compile('“{_}.”')];

const TITLES = [
  'the {A} {N}', '{N} and {N}', 'what the {N} {V}', '{A} {NS}', 'all the {A} {NS}', 'of {NS} and {NS}', '{N} in the {N}',
  'where the {NS} are', '{aA} {N}', 'the {N} {P} the {N}', '{G} the {N}', 'the {NS} we {V}', '{A}', '{C}',
].map(compile);

/** Fills a template; returns the text and its word count. */
function fill(random: Random, template: Template, names: NameSource, inner?: { text: string; words: number }): { text: string; words: number } {
  let text = '';
  let words = template.literalWords;
  for (const part of template.parts) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    const slot = part.slot;
    if (slot === '_') {
      text += inner!.text;
      words += inner!.words;
    } else if (slot === 'C') {
      const name = names.draw(random);
      text += name.text;
      words += name.words;
    } else if (slot === 'aA' || slot === 'aN') {
      const pool = slot === 'aA' ? POOLS.A : POOLS.N;
      const i = pool.index(random);
      text += `${article(pool.words[i]!)} ${pool.words[i]}`;
      words += 1 + pool.counts[i]!;
    } else {
      const pool = POOLS[slot];
      const i = pool.index(random);
      text += pool.words[i]!;
      words += pool.counts[i]!;
    }
  }
  return { text, words };
}

function capitalize(text: string): string {
  // Past the opening quotation mark when there is one.
  const at = text.startsWith('“') ? 1 : 0;
  return text.slice(0, at) + text.charAt(at).toUpperCase() + text.slice(at + 1);
}

/** The character names a work's text uses, most important first (drawn by a Zipf law). */
export class NameSource {
  readonly #names: Array<{ text: string; words: number }>;
  readonly #zipf: Zipf;
  constructor(names: readonly string[]) {
    const list = names.length > 0 ? names : ['Someone'];
    this.#names = list.map((text) => ({ text, words: countWordsInText(text) }));
    this.#zipf = new Zipf(this.#names.length, 1.2);
  }
  draw(random: Random): { text: string; words: number } {
    return this.#names[this.#zipf.draw(random)]!;
  }
}

function englishSentence(random: Random, names: NameSource): { text: string; words: number } {
  if (random() < 0.28) {
    const inner = fill(random, DIALOGUE[Math.floor(random() * DIALOGUE.length)]!, names);
    inner.text = capitalize(inner.text);
    const frame = SAID[Math.floor(random() * SAID.length)]!;
    const out = fill(random, frame, names, inner);
    return { text: out.text, words: out.words };
  }
  const out = fill(random, NARRATION[Math.floor(random() * NARRATION.length)]!, names);
  return { text: capitalize(out.text), words: out.words };
}

// ── Chinese, Japanese, Korean ──────────────────────────────────────────────────────────────────
const ZH = new Pool(V.ZH_WORDS, 0.9);
const JA_N = new Pool(V.JA_NOUNS, 0.9);
const JA_V = new Pool(V.JA_VERBS, 0.9);
const JA_P = new Pool(V.JA_PARTICLES, 0.8);
const KO = new Pool(V.KO_WORDS, 0.8);

function draw(pool: Pool, random: Random): { text: string; words: number } {
  const i = pool.index(random);
  return { text: pool.words[i]!, words: pool.counts[i]! };
}

function zhSentence(random: Random, names: NameSource): { text: string; words: number } {
  let text = '';
  let words = 0;
  const length = int(random, 5, 14);
  for (let i = 0; i < length; i++) {
    const w = i === 0 && random() < 0.3 ? names.draw(random) : draw(ZH, random);
    text += w.text;
    words += w.words;
    if (i === Math.floor(length / 2) && length > 7) text += '，';
  }
  return { text: text + (random() < 0.1 ? '？' : '。'), words };
}

function jaSentence(random: Random, names: NameSource): { text: string; words: number } {
  let text = '';
  let words = 0;
  const clauses = int(random, 1, 3);
  for (let c = 0; c < clauses; c++) {
    const subject = c === 0 && random() < 0.3 ? names.draw(random) : draw(JA_N, random);
    const p1 = draw(JA_P, random);
    const object = draw(JA_N, random);
    const p2 = draw(JA_P, random);
    const verb = draw(JA_V, random);
    text += subject.text + p1.text + object.text + p2.text + verb.text + (c < clauses - 1 ? '、' : '');
    words += subject.words + p1.words + object.words + p2.words + verb.words;
  }
  return { text: `${text}。`, words };
}

function koSentence(random: Random): { text: string; words: number } {
  const parts: string[] = [];
  let words = 0;
  for (let i = int(random, 4, 9); i > 0; i--) {
    const w = draw(KO, random);
    parts.push(w.text);
    words += w.words;
  }
  return { text: `${parts.join(' ')}.`, words };
}

type Script = 'en' | 'zh' | 'ja' | 'ko';

/** The script a work's text is written in, from its language code. */
export function scriptFor(language: string): Script {
  if (language === 'zh' || language.startsWith('zh-')) return 'zh';
  if (language === 'ja' || language === 'ko') return language;
  return 'en';
}

function sentence(random: Random, script: Script, names: NameSource): { text: string; words: number } {
  switch (script) {
    case 'zh':
      return zhSentence(random, names);
    case 'ja':
      return jaSentence(random, names);
    case 'ko':
      return koSentence(random);
    default:
      return englishSentence(random, names);
  }
}

export interface Generated {
  html: string;
  words: number;
}

/**
 * A chapter body of about `target` words (it stops at the first paragraph end past the target;
 * a very small target still gets one sentence): paragraphs of ~70 words (log-normal), an
 * emphasized sentence now and then, a scene break once in a while.
 */
export function chapterHtml(random: Random, target: number, script: Script, names: NameSource): Generated {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const paragraphTarget = Math.min(target - words, Math.max(8, logNormal(random, 70, 0.5)));
    let paragraph = '';
    let paragraphWords = 0;
    while (paragraphWords < paragraphTarget) {
      const s = sentence(random, script, names);
      const text = random() < 0.03 ? `<em>${s.text}</em>` : s.text;
      paragraph += paragraph === '' || script === 'zh' || script === 'ja' ? text : ` ${text}`;
      paragraphWords += s.words;
    }
    if (paragraphs.length > 0 && random() < 0.03) paragraphs.push('<hr />');
    paragraphs.push(`<p>${paragraph}</p>`);
    words += paragraphWords;
  }
  return { html: paragraphs.join('\n'), words };
}

/** A summary: one to three sentences in a paragraph, sometimes a second paragraph. */
export function summaryHtml(random: Random, script: Script, names: NameSource): string {
  const paragraph = () => {
    const parts: string[] = [];
    for (let i = int(random, 1, 3); i > 0; i--) parts.push(sentence(random, script, names).text);
    return `<p>${parts.join(script === 'en' || script === 'ko' ? ' ' : '')}</p>`;
  };
  return chance(random, 0.2) ? `${paragraph()}\n${paragraph()}` : paragraph();
}

/** A one-sentence note, as writers leave before or after a chapter. */
export function noteHtml(random: Random, script: Script, names: NameSource): string {
  return `<p>${sentence(random, script, names).text}</p>`;
}

/** A title in the work's script (plain text: titles are escaped when shown). */
export function titleText(random: Random, script: Script, names: NameSource): string {
  switch (script) {
    case 'zh': {
      let title = '';
      for (let i = int(random, 1, 3); i > 0; i--) title += draw(ZH, random).text;
      return title;
    }
    case 'ja':
      return `${draw(JA_N, random).text}の${draw(JA_N, random).text}`;
    case 'ko':
      return `${draw(KO, random).text} ${draw(KO, random).text}`;
    default:
      return titleCase(fill(random, TITLES[Math.floor(random() * TITLES.length)]!, names).text);
  }
}
