// Tag names: normalization for uniqueness, validation, and AO3's URL escapes.

/** Key under which a tag name is unique: Unicode-normalized, case-folded, whitespace collapsed. */
export function tagKey(name: string): string {
  return cleanTagName(name).normalize('NFKC').toLowerCase();
}

/** Trims and collapses internal whitespace, the form a tag name is stored in. */
export function cleanTagName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

export const MAX_TAG_LENGTH = 150;

/** Returns a problem description, or null when the name is acceptable (AO3: ≤150 chars, no commas). */
export function tagNameProblem(name: string): string | null {
  const clean = cleanTagName(name);
  if (clean === '') return 'Tag names cannot be empty.';
  if (clean.length > MAX_TAG_LENGTH) return `Tag "${clean.slice(0, 40)}…" is longer than ${MAX_TAG_LENGTH} characters.`;
  if (clean.includes(',')) return `Tag "${clean}" contains a comma; commas separate tags.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(clean)) return `Tag "${clean}" contains control characters.`;
  return null;
}

// AO3 writes tag names into paths with these escapes (otwarchive Tag#to_param), so links
// copied from AO3 keep working here. '*' itself is not escaped there either.
const ESCAPES: ReadonlyArray<[string, string]> = [
  ['/', '*s*'],
  ['&', '*a*'],
  ['.', '*d*'],
  ['#', '*h*'],
  ['?', '*q*'],
];

export function tagToParam(name: string): string {
  let out = name;
  for (const [char, code] of ESCAPES) out = out.split(char).join(code);
  return encodeURIComponent(out);
}

export function tagFromParam(param: string): string {
  let out = param;
  for (const [char, code] of ESCAPES) out = out.split(code).join(char);
  return out;
}
