import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, countWordsInText } from './word-count.ts';

// Every expected number here can be checked by hand against AO3's rules (see word-count.ts).
describe('countWords (AO3 rules)', () => {
  it('counts plain words separated by spaces and punctuation', () => {
    assert.equal(countWords('The owl flew home.'), 4);
    assert.equal(countWords('Hello, world! How are you?'), 5);
  });

  it('counts a hyphenated word as one word', () => {
    assert.equal(countWords('a well-known sixty-four-year-old owl'), 4);
  });

  it('removes straight and curly apostrophes before counting', () => {
    assert.equal(countWords("don't"), 1);
    assert.equal(countWords('don’t'), 1);
    assert.equal(countWords('‘quoted’ words'), 2);
    assert.equal(countWords("the owls' nest and the owl's nest"), 7);
  });

  it('treats -- as a dash, so it separates words', () => {
    assert.equal(countWords('one--two'), 2);
    assert.equal(countWords('one -- two'), 2);
    assert.equal(countWords('one---two'), 2); // "--" → dash, then the third "-" is removed
  });

  it('treats em and en dashes as separators', () => {
    assert.equal(countWords('one—two'), 2);
    assert.equal(countWords('one – two'), 2);
  });

  it('counts digits as word characters, splitting at other punctuation', () => {
    assert.equal(countWords('2024'), 1);
    assert.equal(countWords('3.14'), 2);
    assert.equal(countWords('1,000 owls'), 3);
    assert.equal(countWords('x²'), 1); // ² is Other_Number, not a [[:word:]] character
  });

  it('keeps underscores and accented letters inside words', () => {
    assert.equal(countWords('snake_case'), 1);
    assert.equal(countWords('café naïve'), 2);
    assert.equal(countWords('cafe\u0301'), 1); // combining accent is a Mark
  });

  it('counts each Han, Hiragana and Katakana character as one word', () => {
    assert.equal(countWords('漢字'), 2);
    assert.equal(countWords('かな'), 2);
    assert.equal(countWords('カタカナ'), 4);
    assert.equal(countWords('漢字かなカタカナ'), 8);
    assert.equal(countWords('漢字。かな、'), 4); // CJK punctuation is not a word
  });

  it('counts each Thai character as one word, combining vowels included', () => {
    assert.equal(countWords('สวัสดี'), 6); // ส ว ั ส ด ี
  });

  it('counts runs of other scripts normally in mixed text', () => {
    assert.equal(countWords('Hello世界world'), 4);
    assert.equal(countWords('Harryは眼鏡をかけた'), 1 + 7); // Harry + は眼鏡をかけた
    assert.equal(countWords('Привет мир'), 2);
  });

  it('counts a literal | as a word, as AO3 does', () => {
    assert.equal(countWords('a | b'), 3);
    assert.equal(countWords('||'), 2);
  });

  it('decodes entities before counting', () => {
    assert.equal(countWords('a &amp; b'), 2);
    assert.equal(countWords('one&nbsp;two'), 2);
    assert.equal(countWords('caf&eacute;'), 1);
    assert.equal(countWords('don&#8217;t'), 1);
    assert.equal(countWords('one&#45;word'), 1);
  });

  it('counts text nodes separately', () => {
    assert.equal(countWords('<p>a</p><p>b</p>'), 2);
    assert.equal(countWords('foo<b>bar</b>'), 2);
    assert.equal(countWords('foo<br>bar'), 2);
    assert.equal(countWords('foo<!-- note -->bar'), 2);
  });

  it('counts text in nested tags and ignores markup and attributes', () => {
    const html = '<div class="x"><p>One <em>two <strong>three</strong></em> four.</p>' +
      '<ul><li>five</li><li>six seven</li></ul><a href="https://example.com/a-b" title="no count">eight</a></div>';
    assert.equal(countWords(html), 8);
  });

  it('ignores comments and script/style contents', () => {
    assert.equal(countWords('<!-- hidden words here -->'), 0);
    assert.equal(countWords('<style>p { color: red }</style><p>one</p><script>var x = 1</script>'), 1);
  });

  it('returns 0 for empty and whitespace-only input', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords('   \n\t'), 0);
    assert.equal(countWords('<p> </p><p>&nbsp;</p>'), 0);
    assert.equal(countWords('<hr><br>'), 0);
  });
});

describe('countWordsInText', () => {
  it('applies the same rules to plain text without parsing HTML', () => {
    assert.equal(countWordsInText("one-word one's one--two"), 4);
    assert.equal(countWordsInText('<p>'), 1); // "p" is text here, not a tag
    assert.equal(countWordsInText('&amp;'), 1); // no entity decoding in plain text
    assert.equal(countWordsInText(''), 0);
  });
});
