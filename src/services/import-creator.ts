// Finds the pseud an import names as creator, creating it — with an account that cannot log in
// until claimed — when the archive has no such pseud (DESIGN.md, `owlery import --creator`).
import type { Db } from '../db/types.ts';
import { findPseud, findPseudsByName, findUserByLogin, insertPseud, insertUser, type PseudRecord } from '../db/repos/users.repo.ts';
import { Invalid } from '../domain/errors.ts';
import { loginFromPseud, parseByline, pseudProblem } from '../domain/user-names.ts';

/** AO3's holding account for works whose creators let them go. */
export const ORPHAN_ACCOUNT = 'orphan_account';

export async function findOrCreateImportCreator(db: Db, byline: string, now: string): Promise<PseudRecord> {
  const { pseud: name, login } = parseByline(byline);
  const problem = pseudProblem(name);
  if (problem) throw new Invalid(`Creator "${byline}": ${problem}`, { creator: problem });

  if (login) {
    const exact = await findPseud(db, login, name);
    if (exact) return exact;
    if (await findUserByLogin(db, login)) {
      throw new Invalid(`User ${login} has no pseud named "${name}".`, { creator: `No pseud "${name}" for ${login}.` });
    }
  } else {
    const matches = await findPseudsByName(db, name);
    // A user's default pseud shares its login; prefer it when several users use the same name.
    const preferred = matches.find((p) => p.isDefault && p.login.toLowerCase() === name.toLowerCase()) ?? (matches.length === 1 ? matches[0] : undefined);
    if (preferred) return preferred;
    if (matches.length > 1) {
      const options = matches.map((p) => `"${p.name} (${p.login})"`).join(', ');
      throw new Invalid(`Several users have a pseud named "${name}"; name one as ${options}.`, { creator: 'Ambiguous pseud.' });
    }
  }

  const newLogin = await freeLogin(db, login ?? loginFromPseud(name));
  const created = await insertUser(db, { login: newLogin, email: null, passwordHash: null }, now);
  if (created.pseud.name === name) return created.pseud;
  // The login had to differ from the pseud (spaces, accents): keep the pseud as written.
  const pseud = await insertPseud(db, { userId: created.user.id, name, isDefault: false }, now);
  return { ...pseud, login: created.user.login };
}

async function freeLogin(db: Db, base: string): Promise<string> {
  if (!(await findUserByLogin(db, base))) return base;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${base.slice(0, 36)}${n}`;
    if (!(await findUserByLogin(db, candidate))) return candidate;
  }
  throw new Error(`No free login near ${base}`);
}
