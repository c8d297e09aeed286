// Logins and pseud names. AO3: logins are 3–40 letters, digits or underscores, not starting or
// ending with an underscore; pseuds are 1–40 characters of letters, digits, spaces, _ and -.

export const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_]{1,38})[A-Za-z0-9]$/;
export const PSEUD_MAX = 40;

export function loginKey(login: string): string {
  return login.trim().toLowerCase();
}

export function pseudKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().normalize('NFKC').toLowerCase();
}

export function loginProblem(login: string): string | null {
  if (!LOGIN_PATTERN.test(login)) {
    return 'Logins are 3 to 40 characters of letters, digits and underscores, starting and ending with a letter or digit.';
  }
  return null;
}

export function pseudProblem(name: string): string | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') return 'Pseud names cannot be empty.';
  if (clean.length > PSEUD_MAX) return `Pseud names are at most ${PSEUD_MAX} characters.`;
  if (!/^[\p{L}\p{M}\p{N}_ -]+$/u.test(clean)) return `Pseud "${clean}" may only contain letters, digits, spaces, underscores and hyphens.`;
  return null;
}

/**
 * A login made from a pseud name for creators who arrive through an import: ASCII letters and
 * digits kept, everything else turned into underscores, padded or trimmed to fit.
 */
export function loginFromPseud(name: string): string {
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36);
  if (base.length < 3) base = `creator_${base}`.replace(/_+$/, '') || 'creator';
  if (!LOGIN_PATTERN.test(base)) base = base.replace(/^_+|_+$/g, '') || 'creator';
  return base;
}

/** Parses AO3's byline form `pseud (login)`; a bare name leaves login null. */
export function parseByline(text: string): { pseud: string; login: string | null } {
  const match = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(text.trim());
  if (match) return { pseud: match[1]!.trim(), login: match[2]!.trim() };
  return { pseud: text.trim(), login: null };
}

/** Email addresses compare case-insensitively for uniqueness (delivery keeps the original). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
