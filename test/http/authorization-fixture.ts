// The world the authorization matrix and the canary test run in: one account per kind of actor,
// each logged in through the real pages, and works in every state that matters to the policy.
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { makeWork } from '../support/factories.ts';
import { createUser } from '../../src/services/create-user.ts';
import { setSuspended } from '../../src/services/admin/users.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { insertCreatorships } from '../../src/db/repos/works.repo.ts';
import type { DialectName } from '../../src/db/connect.ts';
import type { WorkInput } from '../../src/services/work-input.ts';

export const ACTORS = ['guest', 'user', 'owner', 'cocreator', 'admin', 'suspended'] as const;
export type ActorName = (typeof ACTORS)[number];
export const WORK_STATES = ['posted', 'draft', 'restricted', 'anonymous', 'hidden'] as const;
export type WorkState = (typeof WORK_STATES)[number];

export const PASSWORD = 'matrix passphrase words';

export interface FixtureWork {
  id: number;
  chapterIds: number[];
  seriesId: number;
}

export interface Fixture {
  t: TestApp;
  clients: Record<ActorName, WebClient>;
  logins: Record<Exclude<ActorName, 'guest'>, string>;
  /** An account admin actions are aimed at, so no actor's own account changes under it. */
  target: string;
  works: Record<WorkState, FixtureWork>;
  /** Makes a new work in a state, for checks that change or delete what they act on. */
  freshWork(state: WorkState, extra?: Partial<WorkInput>): Promise<FixtureWork>;
  pseudIdOf(login: string): Promise<number>;
}

let serial = 0;

export async function buildFixture(dialect: DialectName, prefix = 'mx'): Promise<Fixture> {
  const t = await createTestApp(dialect);
  const logins = { user: `${prefix}_user`, owner: `${prefix}_owner`, cocreator: `${prefix}_cocreator`, admin: `${prefix}_admin`, suspended: `${prefix}_suspended` };
  for (const [name, login] of Object.entries(logins)) {
    await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD, ...(name === 'admin' ? { role: 'admin' as const } : {}) });
  }
  const target = `${prefix}_target`;
  await createUser(t.ctx, { login: target, email: `${target}@example.org`, password: PASSWORD });

  const clients = { guest: new WebClient(t.app) } as Record<ActorName, WebClient>;
  for (const name of ['user', 'owner', 'cocreator', 'admin', 'suspended'] as const) {
    const client = new WebClient(t.app);
    const res = await client.logIn(logins[name], PASSWORD);
    if (res.status !== 303) throw new Error(`log-in of ${name} failed: ${res.status}`);
    clients[name] = client;
  }
  // Suspended after logging in: the session it holds must stop working.
  await setSuspended(t.ctx, logins.suspended, true);

  const pseudIdOf = async (login: string) =>
    (await t.store.db.selectFrom('pseuds').innerJoin('users', 'users.id', 'pseuds.user_id').select('pseuds.id').where('users.login', '=', login).executeTakeFirstOrThrow()).id;
  const cocreatorPseud = await pseudIdOf(logins.cocreator);

  const freshWork = async (state: WorkState, extra: Partial<WorkInput> = {}): Promise<FixtureWork> => {
    const n = ++serial;
    const made = await makeWork(t.ctx, {
      creator: logins.owner,
      title: `Matrix ${state} work ${n}`,
      draft: state === 'draft',
      restricted: state === 'restricted',
      anonymous: state === 'anonymous',
      series: { title: `Matrix series ${n}`, position: 1 },
      chapters: [{ title: 'One', html: '<p>First chapter text.</p>' }, { title: 'Two', html: '<p>Second chapter text.</p>' }],
      expectedChapters: 3,
      ...extra,
    });
    await insertCreatorships(t.store.db, made.id, [cocreatorPseud]);
    if (state === 'hidden') await setHiddenByAdmin(t.store.db, made.id, true);
    const chapters = await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', made.id).orderBy('position').execute();
    const series = await t.store.db.selectFrom('serial_works').select('series_id').where('work_id', '=', made.id).executeTakeFirstOrThrow();
    return { id: made.id, chapterIds: chapters.map((c) => c.id), seriesId: series.series_id };
  };

  const works = {} as Record<WorkState, FixtureWork>;
  for (const state of WORK_STATES) works[state] = await freshWork(state);
  return { t, clients, logins, target, works, freshWork, pseudIdOf };
}

/** The policy as people expect it, written out independently of src/domain/policy.ts. */
export const expectations = {
  isCreator: (a: ActorName) => a === 'owner' || a === 'cocreator',
  isActiveUser: (a: ActorName) => a === 'user' || a === 'owner' || a === 'cocreator' || a === 'admin',
  canRead(a: ActorName, s: WorkState): boolean {
    switch (s) {
      case 'posted':
      case 'anonymous':
        return true;
      case 'draft':
        return expectations.isCreator(a);
      case 'restricted':
        return expectations.isActiveUser(a);
      case 'hidden':
        return expectations.isCreator(a) || a === 'admin';
    }
  },
  canEdit: (a: ActorName) => expectations.isCreator(a),
};
