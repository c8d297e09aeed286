// Languages a work can be written in, by ISO 639-1 code (BCP 47 for the Chinese scripts), with
// the name readers see. AO3 lists each language under its own name; so do we.

const LANGUAGES: ReadonlyArray<readonly [code: string, name: string, english: string]> = [
  ['ar', 'العربية', 'Arabic'],
  ['bg', 'Български', 'Bulgarian'],
  ['ca', 'Català', 'Catalan'],
  ['cs', 'Čeština', 'Czech'],
  ['cy', 'Cymraeg', 'Welsh'],
  ['da', 'Dansk', 'Danish'],
  ['de', 'Deutsch', 'German'],
  ['el', 'Ελληνικά', 'Greek'],
  ['en', 'English', 'English'],
  ['eo', 'Esperanto', 'Esperanto'],
  ['es', 'Español', 'Spanish'],
  ['et', 'Eesti', 'Estonian'],
  ['fa', 'فارسی', 'Persian'],
  ['fi', 'Suomi', 'Finnish'],
  ['fil', 'Filipino', 'Filipino'],
  ['fr', 'Français', 'French'],
  ['ga', 'Gaeilge', 'Irish'],
  ['he', 'עברית', 'Hebrew'],
  ['hi', 'हिन्दी', 'Hindi'],
  ['hr', 'Hrvatski', 'Croatian'],
  ['hu', 'Magyar', 'Hungarian'],
  ['id', 'Bahasa Indonesia', 'Indonesian'],
  ['it', 'Italiano', 'Italian'],
  ['ja', '日本語', 'Japanese'],
  ['ko', '한국어', 'Korean'],
  ['la', 'Lingua latina', 'Latin'],
  ['lt', 'Lietuvių', 'Lithuanian'],
  ['lv', 'Latviešu', 'Latvian'],
  ['ms', 'Bahasa Melayu', 'Malay'],
  ['nl', 'Nederlands', 'Dutch'],
  ['no', 'Norsk', 'Norwegian'],
  ['pl', 'Polski', 'Polish'],
  ['pt-BR', 'Português brasileiro', 'Brazilian Portuguese'],
  ['pt-PT', 'Português europeu', 'European Portuguese'],
  ['ro', 'Română', 'Romanian'],
  ['ru', 'Русский', 'Russian'],
  ['sk', 'Slovenčina', 'Slovak'],
  ['sl', 'Slovenščina', 'Slovenian'],
  ['sr', 'Српски', 'Serbian'],
  ['sv', 'Svenska', 'Swedish'],
  ['th', 'ไทย', 'Thai'],
  ['tl', 'Tagalog', 'Tagalog'],
  ['tr', 'Türkçe', 'Turkish'],
  ['uk', 'Українська', 'Ukrainian'],
  ['vi', 'Tiếng Việt', 'Vietnamese'],
  ['zh', '中文', 'Chinese'],
  ['zh-Hans', '中文-简体', 'Chinese (Simplified)'],
  ['zh-Hant', '中文-繁體', 'Chinese (Traditional)'],
];

export interface Language {
  code: string;
  name: string;
  english: string;
}

const BY_KEY = new Map<string, Language>();
for (const [code, name, english] of LANGUAGES) {
  const language = { code, name, english };
  for (const key of [code, name, english]) BY_KEY.set(key.toLowerCase(), language);
}

export const ALL_LANGUAGES: readonly Language[] = LANGUAGES.map(([code, name, english]) => ({ code, name, english }));

/** Finds a language by code, native name or English name, case-insensitively. */
export function findLanguage(input: string): Language | null {
  return BY_KEY.get(input.trim().toLowerCase()) ?? null;
}

/** The display form of a stored code; unknown codes (from older data) show as the code. */
export function languageName(code: string): string {
  return BY_KEY.get(code.toLowerCase())?.name ?? code;
}
