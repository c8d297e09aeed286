// Users, their roles and their pseuds.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { Role } from '../../domain/actor.ts';
import { emailKey, loginKey, pseudKey } from '../../domain/user-names.ts';

export interface UserRecord {
  id: number;
  login: string;
  email: string | null;
  passwordHash: string | null;
  createdAt: string;
  suspendedAt: string | null;
}

export interface PseudRecord {
  id: number;
  userId: number;
  name: string;
  isDefault: boolean;
  login: string;
}

const USER_COLUMNS = ['id', 'login', 'email', 'password_hash', 'created_at', 'suspended_at'] as const;

function toUser(row: { id: number; login: string; email: string | null; password_hash: string | null; created_at: string; suspended_at: string | null }): UserRecord {
  return { id: row.id, login: row.login, email: row.email, passwordHash: row.password_hash, createdAt: row.created_at, suspendedAt: row.suspended_at };
}

export async function findUserByLogin(db: Db, login: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('login_key', '=', loginKey(login)).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Creates a user with a default pseud of the same name. */
export async function insertUser(
  db: Db,
  user: { login: string; email: string | null; passwordHash: string | null },
  now: string,
): Promise<{ user: UserRecord; pseud: PseudRecord }> {
  const row = await db
    .insertInto('users')
    .values({ login: user.login, login_key: loginKey(user.login), email: user.email, email_key: user.email ? emailKey(user.email) : null, password_hash: user.passwordHash, created_at: now })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  const pseud = await insertPseud(db, { userId: row.id, name: user.login, isDefault: true }, now);
  return { user: toUser(row), pseud: { ...pseud, login: row.login } };
}

export async function insertPseud(db: Db, pseud: { userId: number; name: string; isDefault: boolean }, now: string): Promise<Omit<PseudRecord, 'login'>> {
  const row = await db
    .insertInto('pseuds')
    .values({ user_id: pseud.userId, name: pseud.name, name_key: pseudKey(pseud.name), is_default: pseud.isDefault, created_at: now })
    .returning(['id', 'user_id', 'name', 'is_default'])
    .executeTakeFirstOrThrow();
  return { id: row.id, userId: row.user_id, name: row.name, isDefault: bool(row.is_default) };
}

export async function addRole(db: Db, userId: number, role: Role): Promise<void> {
  await db.insertInto('user_roles').values({ user_id: userId, role }).onConflict((oc) => oc.doNothing()).execute();
}

export async function rolesOf(db: Db, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role);
}

export async function countUsersWithRole(db: Db, role: Role): Promise<number> {
  const row = await db.selectFrom('user_roles').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', role).executeTakeFirstOrThrow();
  return Number(row.n);
}

const PSEUD_SELECT = ['pseuds.id', 'pseuds.user_id', 'pseuds.name', 'pseuds.is_default', 'users.login'] as const;

function toPseud(row: { id: number; user_id: number; name: string; is_default: unknown; login: string }): PseudRecord {
  return { id: row.id, userId: row.user_id, name: row.name, isDefault: bool(row.is_default), login: row.login };
}

export async function findPseudsByName(db: Db, name: string): Promise<PseudRecord[]> {
  const rows = await db
    .selectFrom('pseuds')
    .innerJoin('users', 'users.id', 'pseuds.user_id')
    .select(PSEUD_SELECT)
    .where('pseuds.name_key', '=', pseudKey(name))
    .orderBy('pseuds.id')
    .execute();
  return rows.map(toPseud);
}

export async function findPseud(db: Db, login: string, pseudName: string): Promise<PseudRecord | null> {
  const row = await db
    .selectFrom('pseuds')
    .innerJoin('users', 'users.id', 'pseuds.user_id')
    .select(PSEUD_SELECT)
    .where('users.login_key', '=', loginKey(login))
    .where('pseuds.name_key', '=', pseudKey(pseudName))
    .executeTakeFirst();
  return row ? toPseud(row) : null;
}

export async function pseudsOfUser(db: Db, userId: number): Promise<PseudRecord[]> {
  const rows = await db
    .selectFrom('pseuds')
    .innerJoin('users', 'users.id', 'pseuds.user_id')
    .select(PSEUD_SELECT)
    .where('pseuds.user_id', '=', userId)
    .orderBy('pseuds.is_default', 'desc')
    .orderBy('pseuds.name')
    .execute();
  return rows.map(toPseud);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email_key', '=', emailKey(email)).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function updateUser(db: Db, id: number, changes: { passwordHash?: string; email?: string; suspendedAt?: string | null }): Promise<void> {
  const set: { password_hash?: string; email?: string; email_key?: string; suspended_at?: string | null } = {};
  if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
  if (changes.email !== undefined) {
    set.email = changes.email;
    set.email_key = emailKey(changes.email);
  }
  if (changes.suspendedAt !== undefined) set.suspended_at = changes.suspendedAt;
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export async function deleteUser(db: Db, id: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export async function removeRole(db: Db, userId: number, role: Role): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', role).execute();
}

export async function findPseudById(db: Db, id: number): Promise<PseudRecord | null> {
  const row = await db.selectFrom('pseuds').innerJoin('users', 'users.id', 'pseuds.user_id').select(PSEUD_SELECT).where('pseuds.id', '=', id).executeTakeFirst();
  return row ? toPseud(row) : null;
}

export async function setDefaultPseud(db: Db, userId: number, pseudId: number): Promise<void> {
  await db.updateTable('pseuds').set({ is_default: false }).where('user_id', '=', userId).execute();
  await db.updateTable('pseuds').set({ is_default: true }).where('id', '=', pseudId).where('user_id', '=', userId).execute();
}

export async function deletePseud(db: Db, pseudId: number): Promise<void> {
  await db.deleteFrom('pseuds').where('id', '=', pseudId).execute();
}
