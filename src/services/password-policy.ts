// The whole password policy: the domain's length and confirmation rules, plus refusal of the
// most common passwords (OWASP ASVS V2.1.7) from the list shipped in services/data/ (its README
// says where it comes from). The list is loaded once, on first use.
import fs from 'node:fs';
import path from 'node:path';
import { passwordProblem } from '../domain/password-rules.ts';

const FILE = path.resolve(import.meta.dirname, 'data/common-passwords.txt');
let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(fs.readFileSync(FILE, 'utf8').split('\n').filter(Boolean));
  return common.has(password.toLowerCase());
}

export function checkPassword(password: string, confirmation: string): string | null {
  const problem = passwordProblem(password, confirmation);
  if (problem) return problem;
  if (isCommonPassword(password)) return 'That password is one of the most common passwords; choose one that is harder to guess.';
  return null;
}
