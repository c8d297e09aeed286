// Word lists for the corpus's generated prose, titles and tags, written for this project: common
// English words by part of speech, most frequent first (the generator draws them with a Zipf
// law, so list order is frequency order), plus syllables for invented names and small Chinese,
// Japanese and Korean lists for works in those languages. About 2,600 distinct English word forms
// once nouns get plurals and verbs their past and -ing forms (inflect.ts).

/** Whitespace-separated words, duplicates dropped (first place kept: the order is the frequency). */
const words = (text: string): string[] => [...new Set(text.trim().split(/\s+/))];
/** `|`-separated phrases whose spaces are written as `_`. */
const bars = (text: string): string[] => [...new Set(text.split('|').map((s) => s.trim().replace(/_/g, ' ')).filter((s) => s !== ''))];

export const NOUNS = words(`
  time hand eye door way day night room face head voice moment thing house light side heart
  world life hair back mind word window friend place year hour table water morning street floor
  wall bed body arm man woman name answer question end sound air car fire sky home mouth city
  shoulder breath kitchen book letter minute silence smile road tree sun ground moon sea family
  child girl boy mother father brother sister stair bag coat glass cup chair field garden river
  story thought feeling dream king queen captain doctor teacher stranger lord lady soldier guard
  paper phone picture box bottle key ring sword ship horse dog cat bird rain snow wind storm
  cloud star corner edge hallway office school town village castle tower bridge forest hill
  mountain island shore harbour lake valley path gate wave stone rock sand dust smoke shadow
  color shape line piece part end beginning point reason idea plan secret promise lie truth
  memory chance choice problem trouble danger fear anger joy hope pain grief laughter tear kiss
  touch fingers lip cheek neck chest skin bone blood knee foot leg finger wrist throat jaw brow
  forehead spine stomach sleeve collar shirt jacket scarf boot glove hat dress cloak blanket
  pillow sheet curtain candle lamp lantern mirror clock bell map note page pen desk shelf
  drawer cupboard plate bowl spoon knife fork bread tea coffee wine soup apple orange cake
  sugar salt honey milk egg cheese meat fish rice dinner breakfast lunch supper meal feast
  market shop inn tavern library museum station train bus boat carriage wheel engine machine
  signal radio screen computer message letterbox envelope ticket coin money price debt
  council court palace throne crown banner flag army war battle peace treaty border country
  kingdom empire land province capital ruler prince princess knight mage witch wizard priest
  monk healer hunter thief spy pilot sailor farmer baker merchant servant student partner
  neighbour cousin uncle aunt grandmother grandfather daughter son husband wife lover enemy
  rival ally team crew class group crowd people person stranger guest host visitor
  summer winter autumn spring season weather sunlight moonlight darkness dawn dusk evening
  afternoon midnight noon week month birthday holiday festival party dance song music
  instrument piano violin guitar drum game card match ball race goal score prize gift present
  flower rose leaf branch root grass seed fruit vine moss bark petal thorn garden orchard
  meadow marsh cliff cave tunnel ruin temple shrine grave stone statue fountain well pond stream
  waterfall ocean tide current depth surface horizon distance direction north south east west
  weight size length width height speed strength power magic spell curse charm potion
  poison cure wound scar bruise fever illness medicine bandage blade arrow bow shield armour
  helmet spear axe hammer chain rope thread needle cloth silk wool leather iron steel silver
  gold copper glass crystal jewel pearl diamond ember flame ash coal spark heat cold ice frost
  steam fog mist thunder lightning rainbow breeze gust echo whisper shout scream cry sigh
  laugh grin frown nod wave glance stare look step pace stride turn pause breath heartbeat
  rhythm habit routine chore task job work career duty honour pride shame guilt regret sorrow
  comfort warmth safety freedom loyalty trust faith courage patience kindness mercy justice
  revenge debt bargain deal offer request order command rule law crime case clue evidence
  witness victim suspect detective officer prisoner cell lock chain escape rescue mission
  journey trip adventure quest road trail track camp tent fire ash bonfire hearth chimney roof
  attic cellar basement porch balcony terrace yard fence hedge lawn bench swing ladder
`);

export const ADJECTIVES = words(`
  little old long good small new last great own other young dark bright cold warm soft quiet
  same whole first next few high low full empty open close hard easy heavy light quick slow
  sure late early strange familiar careful gentle sharp rough smooth thin thick wide narrow
  deep shallow clear pale faint tired sleepy awake alive dead broken whole ready certain
  different real true false simple plain quiet loud silent still wild calm bitter sweet sour
  gold silver red blue green grey black white brown golden crimson violet tender fragile
  stubborn patient honest brave clever foolish kind cruel proud shy nervous anxious afraid
  angry furious happy glad sad lonely hopeful hopeless desperate grateful guilty curious
  careful careless polite rude strict fair unfair wise young ancient modern distant nearby
  hidden secret private public narrow endless sudden gradual rare common odd ordinary special
  precious dangerous safe useless useful important small huge tiny enormous vast crowded
  empty busy lazy restless steady shaky unsteady dizzy sick healthy hungry thirsty full warm
  chilly frozen burning wet dry dusty muddy clean dirty neat messy tidy sharp dull bright
  shining glowing flickering fading heavy weightless solid hollow rotten fresh stale ripe
  wooden stone iron paper glass velvet woollen silken leather painted carved broken torn
  worn faded crooked straight curved round square flat steep distant western northern
  southern eastern lost found forgotten remembered unspoken unfinished unexpected unknown
  familiar foreign local royal noble humble wealthy poor famous infamous silent restless
  reckless fearless endless nameless careless breathless sleepless hopeful cheerful
  peaceful painful thoughtful graceful awful wonderful beautiful terrible horrible lovely
  ugly pretty handsome plain elegant clumsy awkward graceful nimble sturdy fierce mild
  gentle harsh tender cruel generous selfish loyal faithful jealous bitter sour salty spicy
  fragrant smoky misty foggy rainy snowy windy stormy sunny cloudy starry moonlit shadowy
  golden hazy dim murky luminous vivid muted pale ashen rosy flushed freckled scarred
`);

export const ADVERBS = words(`
  again still only just even never always already almost away back down up out soon then now
  here there once twice quickly slowly quietly softly gently carefully suddenly finally
  really simply barely hardly nearly probably perhaps maybe certainly clearly quite rather
  very too enough instead together apart alone anyway somehow somewhere everywhere nowhere
  forward inside outside upstairs downstairs tonight today tomorrow yesterday later earlier
  often sometimes rarely seldom usually quietly loudly sharply briefly firmly lightly warmly
  coldly calmly eagerly angrily sadly happily fondly tiredly wearily bitterly sweetly
  patiently nervously anxiously awkwardly silently steadily abruptly absently distantly
  deliberately honestly openly secretly badly closely deeply entirely fully mostly partly
  truly utterly merely slightly vaguely faintly dimly brightly warmly stiffly smoothly
`);

export const PREPOSITIONS = words(`
  in on at to from with into over under through across behind beside between beyond toward
  towards against along around near past above below beneath inside outside upon within
  without among before after during until since by down up off onto
`);

/** Regular verbs: the generator makes the past and -ing forms (inflect.ts). */
export const VERBS = words(`
  look turn walk open close start stop reach pull push move call ask want need wait watch
  seem try touch pick drop follow stay kiss laugh smile nod answer listen help hold lean rest
  step climb jump reach notice remember wonder realize decide believe hope carry hurry worry
  cry reply study marry bury copy empty tidy finish wash brush press pass cross miss kiss
  rush touch reach search catch fetch watch match stretch brush crash splash flash push
  trace place face race chase hope close smile whisper murmur answer gather wander
  shiver tremble stumble settle struggle breathe sigh glance stare gaze blink frown shrug
  squeeze tease wave shake pause pace rise shine hide slide ride write bite
  bake shave share stare scare care dare glare spare compare prepare declare
  warn learn burn turn return earn yearn mourn scorn
  knock lock rock pack crack track stack kick lick pick flick stick
  wait hate date skate debate create relate rotate celebrate hesitate
  paint plant count point print hunt want rest test twist trust lift drift shift
  fill kill spill chill thrill roll pull mumble tumble crumble grumble humble rumble
  follow swallow borrow harrow hollow mellow bellow
  allow bow vow plough
  enjoy annoy employ destroy
  open happen listen soften tighten lighten darken brighten widen sharpen fasten
  gather bother wither shelter flutter mutter stutter shudder wander ponder
  order border offer suffer bicker flicker glimmer shimmer simmer murmur
  remember consider deliver discover recover cover
  visit limit exhibit edit credit vomit
  explain complain remain contain obtain sustain
  appear disappear clear fear hear near peer sneer steer cheer
  kneel feel peel heal seal steal deal reveal conceal
  dream gleam scream stream beam seem
  clean lean mean glean
  call fall stall haul crawl sprawl drawl
  jump bump thump stump slump
  talk walk stalk
  play stay pray sway spray obey
  agree free
  fix mix relax wax tax
  laugh cough
`);

/** Irregular pasts (and regular verbs whose spelling the simple rules get wrong). */
export const IRREGULAR = new Map<string, [past: string, ing: string]>(
  Object.entries({
    be: ['was', 'being'], have: ['had', 'having'], do: ['did', 'doing'], say: ['said', 'saying'], go: ['went', 'going'],
    get: ['got', 'getting'], make: ['made', 'making'], know: ['knew', 'knowing'], think: ['thought', 'thinking'],
    take: ['took', 'taking'], see: ['saw', 'seeing'], come: ['came', 'coming'], give: ['gave', 'giving'], find: ['found', 'finding'],
    tell: ['told', 'telling'], feel: ['felt', 'feeling'], leave: ['left', 'leaving'], put: ['put', 'putting'], bring: ['brought', 'bringing'],
    begin: ['began', 'beginning'], keep: ['kept', 'keeping'], hold: ['held', 'holding'], stand: ['stood', 'standing'],
    hear: ['heard', 'hearing'], let: ['let', 'letting'], mean: ['meant', 'meaning'], set: ['set', 'setting'], meet: ['met', 'meeting'],
    run: ['ran', 'running'], sit: ['sat', 'sitting'], speak: ['spoke', 'speaking'], lie: ['lay', 'lying'], lead: ['led', 'leading'],
    read: ['read', 'reading'], grow: ['grew', 'growing'], lose: ['lost', 'losing'], fall: ['fell', 'falling'], send: ['sent', 'sending'],
    build: ['built', 'building'], understand: ['understood', 'understanding'], draw: ['drew', 'drawing'], break: ['broke', 'breaking'],
    spend: ['spent', 'spending'], cut: ['cut', 'cutting'], rise: ['rose', 'rising'], drive: ['drove', 'driving'], buy: ['bought', 'buying'],
    wear: ['wore', 'wearing'], choose: ['chose', 'choosing'], seek: ['sought', 'seeking'], throw: ['threw', 'throwing'],
    catch: ['caught', 'catching'], deal: ['dealt', 'dealing'], win: ['won', 'winning'], forget: ['forgot', 'forgetting'],
    sleep: ['slept', 'sleeping'], sing: ['sang', 'singing'], swim: ['swam', 'swimming'], fly: ['flew', 'flying'], eat: ['ate', 'eating'],
    drink: ['drank', 'drinking'], shine: ['shone', 'shining'], hide: ['hid', 'hiding'], slide: ['slid', 'sliding'], ride: ['rode', 'riding'],
    write: ['wrote', 'writing'], bite: ['bit', 'biting'], shake: ['shook', 'shaking'], steal: ['stole', 'stealing'], kneel: ['knelt', 'kneeling'],
    dream: ['dreamed', 'dreaming'], light: ['lit', 'lighting'], wake: ['woke', 'waking'], freeze: ['froze', 'freezing'], tear: ['tore', 'tearing'],
    swear: ['swore', 'swearing'], bend: ['bent', 'bending'], sink: ['sank', 'sinking'], spin: ['spun', 'spinning'], hang: ['hung', 'hanging'],
    fight: ['fought', 'fighting'], teach: ['taught', 'teaching'], stick: ['stuck', 'sticking'], strike: ['struck', 'striking'],
    stop: ['stopped', 'stopping'], drop: ['dropped', 'dropping'], step: ['stepped', 'stepping'], slip: ['slipped', 'slipping'],
    grab: ['grabbed', 'grabbing'], nod: ['nodded', 'nodding'], shrug: ['shrugged', 'shrugging'], hug: ['hugged', 'hugging'],
    plan: ['planned', 'planning'], beg: ['begged', 'begging'], tap: ['tapped', 'tapping'], rub: ['rubbed', 'rubbing'], hum: ['hummed', 'humming'],
    admit: ['admitted', 'admitting'], regret: ['regretted', 'regretting'], prefer: ['preferred', 'preferring'], occur: ['occurred', 'occurring'],
    refer: ['referred', 'referring'], travel: ['travelled', 'travelling'], quarrel: ['quarrelled', 'quarrelling'], panic: ['panicked', 'panicking'],
    die: ['died', 'dying'], tie: ['tied', 'tying'],
  }),
);

/** Verbs for the most frequent actions, listed first so the Zipf draw favours them. */
export const COMMON_VERBS = [...IRREGULAR.keys()].slice(0, 60);

export const SAID = words(`
  said asked replied whispered murmured answered called added muttered admitted insisted
  breathed snapped laughed sighed demanded offered agreed protested shouted repeated
`);

export const SUBJECT_PRONOUNS = words('he she they I we you it');
export const OBJECT_PRONOUNS = words('him her them me us you it');
export const POSSESSIVES = words('his her their my our your its');
export const CONJUNCTIONS = words('and but so because while when until though although since as if before after');

// ── Invented names ─────────────────────────────────────────────────────────────────────────────
export const NAME_ONSETS = words(`
  a ae al an ar b br c ca d da dr e el f fa g ga gr h i is j k ka kh l la le m ma mi n na o or p pe
  q r ra ri s sa se sh t ta th to u v va ve w wy x y ya z za ze
`);
export const NAME_MIDDLES = words(`
  a e i o u ae ai ei ia io ou ya
  ar el en er il in ir is it on or os ul un ur
  and ath ell enn eth ian iel ion ith ora ria ryn wen wyn
`);
export const NAME_ENDS = words(`
  a an ar as el en er es ia iel in is ith o on or os us yn
  ah ael ana and ara eth ina ira ius orn ric ros wen wyn dra lia mir nor ria ren sha tha vyn
`);

// ── Titles, fandoms, freeforms ─────────────────────────────────────────────────────────────────
export const MEDIA_FORMS: ReadonlyArray<readonly [suffix: string, media: string, weight: number]> = [
  [' (TV)', 'TV Shows', 24],
  [' - All Media Types', 'Other Media', 10],
  [' (Video Game)', 'Video Games', 14],
  [' (Anime & Manga)', 'Anime & Manga', 14],
  [' (Movies)', 'Movies', 10],
  [' (Comics)', 'Cartoons & Comics & Graphic Novels', 6],
  [' (Cartoon)', 'Cartoons & Comics & Graphic Novels', 4],
  [' (Musical)', 'Theater', 2],
  [' (Band) RPF', 'Music & Bands', 4],
  [' (Web Series)', 'Other Media', 2],
  [' (Podcast)', 'Other Media', 2],
];

/** The head of the freeform list: AO3-style trope and mood tags (canonical), most used first. */
export const COMMON_FREEFORMS = bars(`
  Fluff|Angst|Hurt/Comfort|Romance|Humor|Friendship|Family|Slow_Burn|Established_Relationship|
  Alternate_Universe|Fluff_and_Angst|Happy_Ending|Found_Family|Alternate_Universe_-_Modern_Setting|
  Canon_Compliant|Canon_Divergence|Post-Canon|Pre-Canon|Friends_to_Lovers|Enemies_to_Lovers|Pining|
  Mutual_Pining|First_Kiss|Domestic_Fluff|Character_Study|Introspection|Grief/Mourning|Hurt_No_Comfort|
  Angst_with_a_Happy_Ending|Whump|Comfort|Cuddling_&_Snuggling|Kissing|Love_Confessions|Misunderstandings|
  Miscommunication|Jealousy|Protective_Behavior|Nightmares|Insomnia|Hospitals|Injury|Sick_Fic|
  Alternate_Universe_-_Coffee_Shops_&_Cafés|Alternate_Universe_-_College/University|
  Alternate_Universe_-_High_School|Alternate_Universe_-_Royalty|Alternate_Universe_-_Soulmates|
  Alternate_Universe_-_Fantasy|Alternate_Universe_-_Space|Alternate_Universe_-_Canon_Divergence|
  Soulmates|Time_Travel|Fix-It|Road_Trip|Fake_Dating|Marriage_of_Convenience|Bed_Sharing|Holidays|
  Christmas|Birthdays|Winter|Summer|Rain|Snow|Tea|Coffee|Baking|Cooking|Music|Dancing|Letters|
  Epistolary|Poetry|Drabble|Ficlet|Crack|Crack_Treated_Seriously|Dark|Dark_Themes|Violence|
  Blood_and_Injury|Character_Death|Temporary_Character_Death|Suicidal_Thoughts|Self-Harm|Trauma|
  Recovery|Healing|Therapy|Mental_Health_Issues|Anxiety|Depression|Panic_Attacks|PTSD|Dysfunctional_Family|
  Parent-Child_Relationship|Siblings|Sibling_Rivalry|Childhood_Friends|Reunions|Getting_Together|
  Secret_Relationship|Unrequited_Love|Love_Triangles|Breakups|Divorce|Wedding|Proposals|Pregnancy|
  Kid_Fic|Aging|Magic|Dragons|Vampires|Werewolves|Ghosts|Mythology|Fairy_Tale_Elements|Curses|
  Prophecy|Quests|Adventure|Mystery|Detectives|Heist|Spies|Assassins|Pirates|Knights|Royalty|
  Politics|War|Post-War|Battle|Sword_Fighting|Space_Opera|Robots|Aliens|Science_Fiction|Dystopia|
  Apocalypse|Zombies|Horror|Supernatural|Hunting|Road_Trips|Camping|Beach|Ocean|Sailing|Islands|
  Gardening|Flowers|Books|Libraries|Museums|Art|Painting|Photography|Writing|Journals|Texting|
  Social_Media|Chatting_&_Messaging|Phone_Calls|Long-Distance_Relationship|Living_Together|Moving_In|
  Roommates|Neighbors|Coworkers|Office_Romance|Teachers|Students|School|Sports|Football|Swimming|
  Running|Competition|Rivalry|Banter|Teasing|Flirting|Awkwardness|Embarrassment|Nicknames|Praise|
  Memories|Flashbacks|Dreams|Alcohol|Drunkenness|Hangover|Food|Picnics|Sleepovers|Hugs|Hand_Holding|
  Forehead_Kisses|Touch-Starved|Trust_Issues|Identity_Reveal|Secret_Identity|Undercover|Amnesia|
  POV_Outsider|POV_Alternating|POV_First_Person|Second_Person|Unreliable_Narrator|Open_Ending|
  Not_Beta_Read|Beta_Read|Inspired_by_Music|Inspired_by_Art|Prompt_Fill|Gift_Fic|Exchange_Fic|
  Fanart|Podfic|Translation|Rewrite|Work_In_Progress|Oneshot|Short|Long|Vignette|Missing_Scene|
  Episode_Tag|Episode_Related|Spoilers|Canon-Typical_Violence|Minor_Character_Death
`);

/** Meta tags among the common freeforms: sub → meta (AO3 wranglers' meta tagging). */
export const FREEFORM_METAS: ReadonlyArray<readonly [sub: string, meta: string]> = [
  ['Alternate Universe - Modern Setting', 'Alternate Universe'],
  ['Alternate Universe - Coffee Shops & Cafés', 'Alternate Universe'],
  ['Alternate Universe - College/University', 'Alternate Universe'],
  ['Alternate Universe - High School', 'Alternate Universe'],
  ['Alternate Universe - Royalty', 'Alternate Universe'],
  ['Alternate Universe - Soulmates', 'Alternate Universe'],
  ['Alternate Universe - Fantasy', 'Alternate Universe'],
  ['Alternate Universe - Space', 'Alternate Universe'],
  ['Alternate Universe - Canon Divergence', 'Alternate Universe'],
  ['Alternate Universe - Canon Divergence', 'Canon Divergence'],
  ['Domestic Fluff', 'Fluff'],
  ['Fluff and Angst', 'Fluff'],
  ['Fluff and Angst', 'Angst'],
  ['Angst with a Happy Ending', 'Angst'],
  ['Angst with a Happy Ending', 'Happy Ending'],
  ['Hurt No Comfort', 'Angst'],
  ['Mutual Pining', 'Pining'],
  ['Temporary Character Death', 'Character Death'],
  ['Minor Character Death', 'Character Death'],
  ['Panic Attacks', 'Anxiety'],
  ['Crack Treated Seriously', 'Crack'],
  ['Sibling Rivalry', 'Siblings'],
  ['Road Trips', 'Road Trip'],
];

/** Synonyms wranglers merged into common freeforms (spelling variants writers use). */
export const FREEFORM_SYNONYMS: ReadonlyArray<readonly [synonym: string, canonical: string]> = [
  ['Slowburn', 'Slow Burn'], ['slow-burn', 'Slow Burn'], ['Hurt & Comfort', 'Hurt/Comfort'], ['h/c', 'Hurt/Comfort'],
  ['Fluffy', 'Fluff'], ['Tooth-Rotting Fluff', 'Fluff'], ['Pure Fluff', 'Fluff'], ['Angsty', 'Angst'], ['Heavy Angst', 'Angst'],
  ['Found Families', 'Found Family'], ['Modern AU', 'Alternate Universe - Modern Setting'], ['Coffee Shop AU', 'Alternate Universe - Coffee Shops & Cafés'],
  ['College AU', 'Alternate Universe - College/University'], ['Soulmate AU', 'Alternate Universe - Soulmates'], ['Soulmate Bond', 'Soulmates'],
  ['Enemies to Friends to Lovers', 'Enemies to Lovers'], ['Friends With Benefits to Lovers', 'Friends to Lovers'], ['fix it', 'Fix-It'],
  ['Fix It', 'Fix-It'], ['Canon Compliant-ish', 'Canon Compliant'], ['Post-Canon Fix-It', 'Fix-It'], ['Happy Endings', 'Happy Ending'],
  ['Sickfic', 'Sick Fic'], ['Xmas', 'Christmas'], ['Humour', 'Humor'], ['Funny', 'Humor'], ['Tea Drinking', 'Tea'],
  ['Unbeta\'d', 'Not Beta Read'], ['No Beta We Die Like Men', 'Not Beta Read'], ['Kidfic', 'Kid Fic'],
  ['Canon Typical Violence', 'Canon-Typical Violence'],
];

// ── CJK ────────────────────────────────────────────────────────────────────────────────────────
/** Common Chinese words, most frequent first; each Han character counts as one word (AO3). */
export const ZH_WORDS = words(`
  他 她 我 你 我们 他们 的 了 是 在 不 有 这 那 说 看 一个 没有 知道 时候 什么 自己 已经 还是 可以
  现在 因为 所以 但是 如果 只是 眼睛 声音 心里 房间 门口 窗外 夜里 早上 雨 风 雪 月亮 太阳 天空
  手 脸 头发 肩膀 笑 哭 走 跑 站 坐 等 想 听 问 回答 看见 转身 低头 抬头 沉默 突然 慢慢 轻轻 终于
  一直 仍然 好像 似乎 也许 真的 一起 一切 地方 世界 生活 朋友 家 城市 街道 河 山 海 树 花 茶 酒
  信 书 梦 记忆 故事 秘密 名字 时间 明天 昨天 今天 很久 以后 以前 温暖 寒冷 安静 熟悉 陌生 远 近
`);
/** Japanese nouns and verb phrases in kanji and kana; the particles join them. */
export const JA_NOUNS = words(`
  私 彼 彼女 僕 君 先生 友達 家族 部屋 窓 扉 手紙 本 空 雨 雪 風 月 星 夜 朝 夢 声 手 目 顔 心
  時間 名前 学校 駅 町 海 川 山 花 桜 お茶 約束 秘密 記憶 世界 光 影 道 橋 庭 猫 犬 鳥
`);
export const JA_VERBS = words(`
  見た 言った 笑った 泣いた 待っていた 歩いた 走った 思った 知っていた 聞いた 答えた 座った 立ち上がった
  振り返った 黙っていた 眠った 目を閉じた 手を伸ばした 息をついた 頷いた 呼んだ 書いた 読んだ 探した
`);
export const JA_PARTICLES = words('は が を に で と の も へ');
export const KO_WORDS = words(`
  그는 그녀는 나는 우리는 오늘 어제 내일 밤 아침 비 눈 바람 하늘 바다 집 방 창문 문 손 눈물 웃음
  목소리 마음 시간 친구 가족 이름 이야기 비밀 기억 꿈 길 조용히 천천히 갑자기 다시 아직 결국 함께
  보았다 말했다 웃었다 울었다 기다렸다 걸었다 생각했다 들었다 대답했다 앉았다 잠들었다 불렀다
`);
