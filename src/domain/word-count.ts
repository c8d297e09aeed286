// Word counts the way AO3 counts them (otwarchive lib/word_counter.rb, Otw::WordCounter), so a work
// moved between AO3 and Owlery shows the same number and `words=MIN-MAX` filters mean the same.
//
// AO3's rules, per text node of the parsed HTML:
//   1. "--" becomes an em dash, so "one--two" is two words (the dash is not a word character);
//   2. hyphens and apostrophes (' ’ ‘ -) are deleted, so "one-word" and "one's" are one word each;
//   3. every character of a script written without spaces (CHARACTER_COUNT_SCRIPTS in AO3:
//      Han, Hiragana, Katakana, Thai) is one word;
//   4. every other run of word characters is one word. Ruby's [[:word:]] is Onigmo's POSIX "word"
//      class: Alphabetic | Mark | Decimal_Number | Connector_Punctuation (Ruby's
//      tool/enc-unicode.rb), so "²" or "½" are not word characters but "Ⅻ" (alphabetic) is.
//
// AO3 quirk kept on purpose: its pattern writes the scripts as `[\p{Han}|\p{Katakana}|…]`, a
// character class, where "|" is a literal member. So on AO3 every "|" character counts as one word
// ("a | b" is 3 words). We match that so counts agree with AO3's.
//
// Text nodes are counted separately, so "foo<b>bar</b>" is two words, as on AO3.
import { Parser } from 'htmlparser2';

/** AO3's CHARACTER_COUNT_SCRIPTS (config/config.yml): one word per character. */
const CHARACTER_SCRIPTS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}`;
/** Ruby's [[:word:]] on UTF-8 strings. */
const WORD_CHAR = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}`;
// The literal "|" in the first class reproduces AO3's pattern exactly (see the note above).
const WORD_PATTERN = new RegExp(`[${CHARACTER_SCRIPTS}|]|(?:(?![${CHARACTER_SCRIPTS}])[${WORD_CHAR}])+`, 'gu');

/** Counts words in plain text (one text node) by AO3's rules. */
export function countWordsInText(plain: string): number {
  if (plain === '') return 0;
  const normalized = plain.replace(/--/g, '\u2014').replace(/['\u2019\u2018-]/g, '');
  let count = 0;
  for (const _ of normalized.matchAll(WORD_PATTERN)) count++;
  return count;
}

// Text inside these is never shown to readers. AO3 stores only sanitized HTML, where they cannot
// occur, so skipping them changes nothing for stored chapters; it keeps raw input honest too.
const INVISIBLE = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/** Counts words in an HTML fragment (a chapter body), one text node at a time, entities decoded. */
export function countWords(html: string): number {
  if (html === '') return 0;
  let count = 0;
  let text = '';
  let hidden = 0;
  // htmlparser2 may report one text node in several pieces (around entities), so collect the
  // pieces and count when the node ends: at any tag, comment or the end of input.
  const flush = () => {
    if (text !== '') count += countWordsInText(text);
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        flush();
        if (INVISIBLE.has(name)) hidden++;
      },
      onclosetag(name) {
        flush();
        if (INVISIBLE.has(name) && hidden > 0) hidden--;
      },
      ontext(data) {
        if (hidden === 0) text += data;
      },
      oncomment: flush,
      onprocessinginstruction: flush,
      oncdatastart: flush,
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  return count;
}
