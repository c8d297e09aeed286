// The sample works a fresh archive is seeded with (`owlery demo`), so a newcomer has something
// to read, search, filter and bookmark straight away. Every text in src/demo/works/ is original,
// written for Owlery; the fandoms are public-domain classics or "Original Work".
//
// Each Markdown file holds the chapter bodies: a multi-chapter work has one `## Chapter title`
// heading per chapter, a single-chapter work has no heading at all.

export interface DemoWork {
  /** File name inside src/demo/works/. */
  file: string;
  title: string;
  /** Pseud name of the creator. */
  creator: string;
  /** Plain text, 1–3 sentences. */
  summary: string;
  /** Plain-text beginning notes. */
  notes?: string;
  /** Plain-text end notes. */
  endNotes?: string;
  /** ISO 639-1 code. */
  language: string;
  rating: 'Not Rated' | 'General Audiences' | 'Teen And Up Audiences' | 'Mature' | 'Explicit';
  /** AO3's fixed archive warnings. */
  warnings: string[];
  /** From 'Gen', 'F/M', 'M/M', 'F/F', 'Multi', 'Other'. */
  categories: string[];
  fandoms: string[];
  /** 'A/B' romantic or 'A & B' platonic, AO3 style. */
  relationships: string[];
  characters: string[];
  freeforms: string[];
  /** Planned chapter count; null when unknown. */
  expectedChapters: number | null;
  series?: { title: string; position: number };
  /** Spreads the demo's dates out: the work is dated this many days before seeding. */
  postedDaysAgo: number;
}

const SHERLOCK = 'Sherlock Holmes - Arthur Conan Doyle';
const WEATHER_SERIES = 'Weather at Baker Street';

export const DEMO_WORKS: DemoWork[] = [
  {
    file: 'the-rules-of-correspondence.md',
    title: 'The Rules of Correspondence',
    creator: 'marginalia',
    summary:
      'Between the engagement and the wedding, Mr. Darcy and Elizabeth Bennet write to each other. ' +
      'He is trying very hard to be brief. She is trying very hard not to tease him about it, and failing.',
    notes:
      'Five letters, five chapters, posted whenever the mail coach comes in. ' +
      'Set during the engagement; canon compliant as far as I can manage.',
    language: 'en',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['F/M'],
    fandoms: ['Pride and Prejudice - Jane Austen'],
    relationships: ['Elizabeth Bennet/Fitzwilliam Darcy', 'Elizabeth Bennet & Jane Bennet'],
    characters: ['Elizabeth Bennet', 'Fitzwilliam Darcy', 'Jane Bennet', 'Georgiana Darcy', 'Mr. Bennet', 'Mr. Gardiner'],
    freeforms: ['Epistolary', 'Engagement', 'Letters', 'Banter', 'Fluff', 'Canon Compliant'],
    expectedChapters: 5,
    postedDaysAgo: 4,
  },
  {
    file: 'tsuki-wo-matsu-yoru.md',
    title: '月を待つ夜',
    creator: 'tsukimi',
    summary: '十五夜の二条院。帰らない人を待ちながら、紫の上は送るつもりのない歌を一首詠む。',
    notes: '源氏物語の二次創作です。作中の和歌はどちらも自作です。',
    endNotes:
      '歌の大意 —— 紫の上：これほど月の澄んだ夜でも、あなたひとりを待つわたくしの袖は、涙の露に濡れています。' +
      '源氏：袖が露に濡れていると聞いたけれど、月もわたしも、こうしてあなたのもとにいるではありませんか。',
    language: 'ja',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['F/M'],
    fandoms: ['The Tale of Genji - Murasaki Shikibu'],
    relationships: ['Hikaru Genji/Murasaki no Ue'],
    characters: ['Murasaki no Ue', 'Hikaru Genji', 'Shōnagon no Menoto'],
    freeforms: ['Waka', '和歌', 'Heian Period', 'Moon Viewing', 'Pining', 'Happy Ending'],
    expectedChapters: 1,
    postedDaysAgo: 19,
  },
  {
    file: 'ce-que-mangent-les-moineaux.md',
    title: 'Ce que mangent les moineaux',
    creator: 'quillandmoth',
    summary:
      'Premier hiver rue Plumet. Cosette nourrit les moineaux du jardin et pose à son père ' +
      'une question à laquelle il ne sait pas répondre.',
    notes: 'Écrit pour un petit échange d’hiver. Toute ma gratitude à ma bêta, qui a vérifié mes subjonctifs.',
    language: 'fr',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    fandoms: ['Les Misérables - Victor Hugo'],
    relationships: ['Cosette Fauchelevent & Jean Valjean'],
    characters: ['Cosette Fauchelevent', 'Jean Valjean', 'Toussaint (Les Misérables)'],
    freeforms: ['Winter', 'Snow', 'Birds', 'Parent-Child Relationship', 'Rue Plumet', 'Hurt/Comfort', 'Fluff and Angst'],
    expectedChapters: 1,
    postedDaysAgo: 47,
  },
  {
    file: 'a-lamp-for-the-fog.md',
    title: 'A Lamp for the Fog',
    creator: 'lanternfish',
    summary:
      'In the worst fog of the year, Watson gets lost within a quarter of a mile of his own bed. ' +
      'Holmes, meanwhile, is composing. Definitely just composing.',
    notes: 'Can be read on its own, but it follows on from The Third Umbrella.',
    language: 'en',
    rating: 'Not Rated',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    fandoms: [SHERLOCK],
    relationships: ['Sherlock Holmes & John Watson'],
    characters: ['Sherlock Holmes', 'John Watson', 'Mrs. Hudson'],
    freeforms: ['Fog', 'Violin', 'Friendship', 'Victorian London', 'Holmes Is Bad at Feelings', 'Established Friendship'],
    expectedChapters: 1,
    series: { title: WEATHER_SERIES, position: 2 },
    postedDaysAgo: 96,
  },
  {
    file: 'four-poems-in-the-rain.md',
    title: 'Four Poems in the Rain',
    creator: 'saltmarsh',
    summary:
      'Three days of rain at a mountain temple, and the pilgrims are going quietly mad. ' +
      'Tang Sanzang sets his disciples a poetry assignment. Sun Wukong is not used to getting a low mark.',
    notes:
      'The poems are my own, written as classical seven-character quatrains with modern rhymes. ' +
      'Please be gentle; I am not Li Bai. Translations are given in the text.',
    endNotes: 'Bajie’s poem is meant to be bad. Wujing’s is meant to be perfect.',
    language: 'en',
    rating: 'Teen And Up Audiences',
    warnings: ['Creator Chose Not To Use Archive Warnings'],
    categories: ['Gen'],
    fandoms: ["Journey to the West - Wu Cheng'en"],
    relationships: ['Sun Wukong & Tang Sanzang', 'Sha Wujing & Sun Wukong & Zhu Bajie'],
    characters: ['Sun Wukong', 'Tang Sanzang', 'Zhu Bajie', 'Sha Wujing', 'Original Character(s)'],
    freeforms: ['Poetry', 'Classical Chinese Poetry', 'Rain', 'Found Family', 'Humor', 'Zhu Bajie Is Always Hungry', 'Translation Included'],
    expectedChapters: 3,
    postedDaysAgo: 160,
  },
  {
    file: 'the-third-umbrella.md',
    title: 'The Third Umbrella',
    creator: 'lanternfish',
    summary:
      'There are three umbrellas in the stand at 221B, and Sherlock Holmes owns none of them. ' +
      'A small domestic mystery in which the great detective deduces everything except the answer.',
    notes: 'Written for a rainy-day prompt. Mrs. Hudson deserves more credit than she gets.',
    language: 'en',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    fandoms: [SHERLOCK],
    relationships: ['Sherlock Holmes & John Watson'],
    characters: ['Sherlock Holmes', 'John Watson', 'Mrs. Hudson'],
    freeforms: ['Case Fic', 'Humor', 'Domestic', 'Rain', 'Umbrellas', 'Mrs. Hudson Is Not Your Housekeeper'],
    expectedChapters: 1,
    series: { title: WEATHER_SERIES, position: 1 },
    postedDaysAgo: 212,
  },
  {
    file: 'six-seeds-and-a-tea-party.md',
    title: 'Six Seeds and a Tea Party',
    creator: 'quillandmoth',
    summary:
      'Persephone comes up the wrong way one spring and finds herself at the Mad Hatter’s table. ' +
      'She is very polite, and she is not eating anything.',
    notes: 'A crossover nobody asked for. Persephone has had enough of being offered snacks.',
    language: 'en',
    rating: 'Not Rated',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen', 'F/M'],
    fandoms: ['Alice in Wonderland - Lewis Carroll', 'Greek and Roman Mythology'],
    relationships: ['Alice & Persephone (Greek Mythology)', 'Hades/Persephone (Greek Mythology)'],
    characters: [
      'Alice (Alice in Wonderland)',
      'Persephone (Greek Mythology)',
      'Mad Hatter',
      'March Hare',
      'Dormouse',
      'Cheshire Cat',
      'Hades (Greek Mythology)',
      'Demeter (Greek Mythology)',
    ],
    freeforms: ['Crossover', 'Tea Parties', 'Pomegranates', 'Spring', 'Whimsy', 'Mentioned Hades'],
    expectedChapters: 1,
    postedDaysAgo: 330,
  },
  {
    file: 'soundings.md',
    title: 'Soundings',
    creator: 'saltmarsh',
    summary:
      'A surveyor is sent to chart the reef off Gannet Rock. The lighthouse keeper thinks maps are lies. ' +
      'They turn out, both of them, to be a little bit right.',
    notes: 'Some peril at sea and a sprained wrist; nothing worse. Every rock in this story is made up, and so is the sea.',
    language: 'en',
    rating: 'Teen And Up Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['F/F'],
    fandoms: ['Original Work'],
    relationships: ['Ines Corvo/Hester Vane'],
    characters: ['Hester Vane', 'Ines Corvo'],
    freeforms: ['Lighthouses', 'Cartography', 'Storms', 'Rescue', 'First Kiss', 'Happy Ending'],
    expectedChapters: 1,
    postedDaysAgo: 540,
  },
];
