// Accounts on both databases: sign-up, log-in limits, sessions, resets, settings, deletion, tokens.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeWork, memoryMailer } from '../support/factories.ts';
import { GUEST, SYSTEM, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { signUp, setSignupMode } from '../../src/services/accounts/sign-up.ts';
import { logIn } from '../../src/services/accounts/log-in.ts';
import { resolveSession } from '../../src/services/accounts/sessions.ts';
import { requestPasswordReset, resetPassword, RESET_REQUESTED } from '../../src/services/accounts/password-reset.ts';
import { changeEmail, changePassword } from '../../src/services/accounts/settings.ts';
import { addPseud, removePseud } from '../../src/services/accounts/pseuds.ts';
import { deleteAccount } from '../../src/services/accounts/delete-account.ts';
import { actorForApiToken, createApiToken, revokeMyApiToken } from '../../src/services/accounts/api-tokens.ts';
import { inviteFromQueue, requestInvitation } from '../../src/services/accounts/invitations.ts';
import { setSuspended } from '../../src/services/admin/users.ts';
import { readWork } from '../../src/services/read-work.ts';
import { insertCreatorships } from '../../src/db/repos/works.repo.ts';
import { LIMITS } from '../../src/services/rate-limit.ts';

const PASSWORD = 'lanterns over the harbour';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] accounts`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let mail: ReturnType<typeof memoryMailer>;
    let clock: ReturnType<typeof fixedClock>;
    let guest: ServiceContext;
    let counter = 0;
    const as = (actor: Actor) => ({ ...guest, actor });
    const ip = () => `10.0.0.${++counter}`;

    async function newUser(login: string) {
      const { user, session } = await signUp(guest, { login, email: `${login}@example.org`, password: PASSWORD, passwordConfirmation: PASSWORD, ip: ip() });
      const resolved = await resolveSession(store.db, session.token, clock.now());
      return { user, token: session.token, actor: resolved!.actor };
    }

    before(async () => {
      store = await createTestStore(dialect);
      mail = memoryMailer();
      clock = fixedClock();
      guest = contextFor(store, GUEST, clock, mail);
    });
    after(async () => store?.destroy());

    it('signs up, logs in with login or email, and refuses wrong passwords with one message', async () => {
      await newUser('amaranth');
      const byLogin = await logIn(guest, { login: 'amaranth', password: PASSWORD, ip: ip() });
      const byEmail = await logIn(guest, { login: 'AMARANTH@example.org', password: PASSWORD, ip: ip() });
      assert.notEqual(byLogin.session.token, byEmail.session.token, 'every log-in gets a new session token');
      const wrong = await logIn(guest, { login: 'amaranth', password: 'not the password', ip: ip() }).catch((e: Error) => e);
      const unknown = await logIn(guest, { login: 'nobody_at_all', password: 'whatever it is', ip: ip() }).catch((e: Error) => e);
      assert.equal((wrong as Error).message, (unknown as Error).message);
    });

    it('refuses weak, common and mismatched passwords, taken logins and emails', async () => {
      const attempt = (login: string, email: string, password: string, confirmation = password) =>
        signUp(guest, { login, email, password, passwordConfirmation: confirmation, ip: ip() });
      await assert.rejects(attempt('shortpw', 'a@example.org', 'short'), /at least 8/);
      await assert.rejects(attempt('commonpw', 'b@example.org', 'password123'), /most common/);
      await assert.rejects(attempt('mismatch', 'c@example.org', PASSWORD, 'other words'), /do not match/);
      await assert.rejects(attempt('Amaranth', 'd@example.org', PASSWORD), /already taken/);
      await assert.rejects(attempt('otherone', 'amaranth@EXAMPLE.org', PASSWORD), /email address already exists/);
      await assert.rejects(attempt('x', 'e@example.org', PASSWORD), /Logins are 3 to 40/);
      await assert.rejects(attempt('longpw', 'f@example.org', 'x'.repeat(1025)), /at most 1,024/);
    });

    it('limits failed log-ins per account even when they come from many addresses, and a reset lets the owner back in', async () => {
      await newUser('bellflower');
      for (let i = 0; i < 10; i++) await logIn(guest, { login: 'bellflower', password: `guess number ${i}`, ip: ip() }).catch(() => {});
      await assert.rejects(logIn(guest, { login: 'bellflower', password: PASSWORD, ip: ip() }), /too many failed log-in attempts/);
      await requestPasswordReset(guest, { email: 'bellflower@example.org', ip: ip() });
      const link = /\/password\/reset\/(\S+)/.exec(mail.sent.at(-1)!.text)!;
      await resetPassword(guest, { token: link[1]!, password: 'a brand new passphrase', passwordConfirmation: 'a brand new passphrase' });
      const back = await logIn(guest, { login: 'bellflower', password: 'a brand new passphrase', ip: ip() });
      assert.ok(back.session.token);
    });

    it('stops parallel guesses at the limit too', async () => {
      await newUser('foxglove');
      const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => logIn(guest, { login: 'foxglove', password: `parallel guess ${i}`, ip: ip() })));
      const checked = results.filter((r) => r.status === 'rejected' && /not correct/.test(String(r.reason))).length;
      assert.equal(checked, LIMITS.loginPerAccount.max, 'only the allowance reached the password check');
    });

    it('limits guesses at the current password on the account page', async () => {
      const { actor } = await newUser('gorse');
      for (let i = 0; i < LIMITS.loginPerAccount.max; i++) await changeEmail(as(actor), { currentPassword: `guess ${i}`, email: 'g@example.org' }).catch(() => {});
      await assert.rejects(changeEmail(as(actor), { currentPassword: PASSWORD, email: 'g@example.org' }), /too many failed/);
    });

    it('limits failed log-ins per address', async () => {
      const address = '192.0.2.77';
      for (let i = 0; i < LIMITS.loginPerIp.max; i++) await logIn(guest, { login: `someone${i}`, password: 'wrong password', ip: address }).catch(() => {});
      await assert.rejects(logIn(guest, { login: 'amaranth', password: PASSWORD, ip: address }), /from your network/);
    });

    it('answers reset requests the same for unknown addresses, and reset links work once', async () => {
      const before = mail.sent.length;
      assert.equal(await requestPasswordReset(guest, { email: 'nobody@example.org', ip: ip() }), RESET_REQUESTED);
      assert.equal(mail.sent.length, before, 'no mail for an unknown address');
      assert.equal(await requestPasswordReset(guest, { email: 'amaranth@example.org', ip: ip() }), RESET_REQUESTED);
      const token = /\/password\/reset\/(\S+)/.exec(mail.sent.at(-1)!.text)![1]!;
      await resetPassword(guest, { token, password: 'another fine passphrase', passwordConfirmation: 'another fine passphrase' });
      await assert.rejects(resetPassword(guest, { token, password: 'yet another passphrase', passwordConfirmation: 'yet another passphrase' }), /expired or was used/);
      await assert.rejects(requestPasswordReset(guest, { email: 'not an email', ip: ip() }), /valid email/);
    });

    it('expires reset links after an hour', async () => {
      await requestPasswordReset(guest, { email: 'amaranth@example.org', ip: ip() });
      const token = /\/password\/reset\/(\S+)/.exec(mail.sent.at(-1)!.text)![1]!;
      clock.set(new Date(clock.now().getTime() + 61 * 60 * 1000).toISOString());
      await assert.rejects(resetPassword(guest, { token, password: 'late passphrase here', passwordConfirmation: 'late passphrase here' }), /expired/);
    });

    it('ends sessions at suspension and other sessions at a password change', async () => {
      const carol = await newUser('carnation');
      const second = await logIn(guest, { login: 'carnation', password: PASSWORD, ip: ip() });
      await changePassword(as(carol.actor), { currentPassword: PASSWORD, password: 'changed passphrase ok', passwordConfirmation: 'changed passphrase ok', keepSessionId: second.session.id });
      assert.equal(await resolveSession(store.db, carol.token, clock.now()), null, 'the other session ended');
      assert.ok(await resolveSession(store.db, second.session.token, clock.now()), 'the changing session stays');
      await assert.rejects(changePassword(as(carol.actor), { currentPassword: 'wrong', password: 'x y z w v u', passwordConfirmation: 'x y z w v u' }), /current password/);

      await setSuspended({ ...guest, actor: SYSTEM }, 'carnation', true);
      assert.equal(await resolveSession(store.db, second.session.token, clock.now()), null);
      await assert.rejects(logIn(guest, { login: 'carnation', password: 'changed passphrase ok', ip: ip() }), /suspended/);
    });

    it('changes the email with the current password and tells the old address', async () => {
      const dahlia = await newUser('dahlia');
      await assert.rejects(changeEmail(as(dahlia.actor), { currentPassword: 'nope', email: 'new@example.org' }), /current password/);
      await assert.rejects(changeEmail(as(dahlia.actor), { currentPassword: PASSWORD, email: 'amaranth@example.org' }), /Another account/);
      await changeEmail(as(dahlia.actor), { currentPassword: PASSWORD, email: 'dahlia.new@example.org' });
      assert.equal(mail.sent.at(-1)!.to, 'dahlia@example.org');
    });

    it('manages pseuds: works of a deleted pseud move to the default one', async () => {
      const elder = await newUser('elderflower');
      const pseud = await addPseud(as(elder.actor), { name: 'Elder Quill' });
      await assert.rejects(addPseud(as(elder.actor), { name: 'elder quill' }), /already have/);
      const work = await makeWork(contextFor(store, SYSTEM, clock, mail), { creator: 'Elder Quill (elderflower)' });
      await removePseud(as(elder.actor), pseud.id);
      const reading = await readWork(contextFor(store, GUEST, clock, mail), work.id, {});
      assert.deepEqual(reading.card.creators.map((c) => c.pseud), ['elderflower']);
    });

    it('deletes an account, orphaning or deleting its works; co-created works survive', async () => {
      const fern = await newUser('fern');
      const ginkgo = await newUser('ginkgo');
      const system = contextFor(store, SYSTEM, clock, mail);
      const solo = await makeWork(system, { creator: 'fern', title: 'Fern Alone' });
      const shared = await makeWork(system, { creator: 'fern', title: 'Fern And Ginkgo' });
      const ginkgoPseud = await store.db.selectFrom('pseuds').select('id').where('user_id', '=', ginkgo.user.id).executeTakeFirstOrThrow();
      await insertCreatorships(store.db, shared.id, [ginkgoPseud.id]);
      await assert.rejects(deleteAccount(as(fern.actor), { currentPassword: 'wrong', works: 'delete' }), /current password/);
      await deleteAccount(as(fern.actor), { currentPassword: PASSWORD, works: 'delete' });
      await assert.rejects(readWork(system, solo.id, {}), /no work/);
      const survivor = await readWork(system, shared.id, {});
      assert.deepEqual(survivor.card.creators.map((c) => c.login), ['ginkgo']);

      const hazel = await newUser('hazel');
      const kept = await makeWork(system, { creator: 'hazel', title: 'Hazel Orphaned' });
      await deleteAccount(as(hazel.actor), { currentPassword: PASSWORD, works: 'orphan', keepPseudNames: true });
      const orphaned = await readWork(system, kept.id, {});
      assert.deepEqual(orphaned.card.creators.map((c) => `${c.pseud} (${c.login})`), ['hazel (orphan_account)']);
    });

    it('creates, uses and revokes API tokens, storing only hashes', async () => {
      const iris = await newUser('iris');
      const { token, row } = await createApiToken(as(iris.actor), 'my script');
      assert.match(token, /^owl_/);
      const stored = await store.db.selectFrom('api_tokens').select('token_hash').where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);
      assert.equal((await actorForApiToken(store.db, token, clock.now()))?.login, 'iris');
      await revokeMyApiToken(as(iris.actor), row.id);
      assert.equal(await actorForApiToken(store.db, token, clock.now()), null);
      await assert.rejects(createApiToken(guest, 'x'), /Log in/);
    });

    it('runs invitation-only sign-up with a queue', async () => {
      await setSignupMode({ ...guest, actor: SYSTEM }, 'invitation');
      await assert.rejects(signUp(guest, { login: 'juniper', email: 'juniper@example.org', password: PASSWORD, passwordConfirmation: PASSWORD, ip: ip() }), /by invitation/);
      const first = await requestInvitation(guest, { email: 'juniper@example.org', ip: ip() });
      const again = await requestInvitation(guest, { email: 'JUNIPER@example.org', ip: ip() });
      assert.equal(first.position, 1);
      assert.equal(again.position, 1);
      assert.equal(await inviteFromQueue({ ...guest, actor: SYSTEM }, 5), 1);
      const token = /invitation=(\S+)/.exec(mail.sent.at(-1)!.text)![1]!;
      const { user } = await signUp(guest, { login: 'juniper', email: 'juniper@example.org', password: PASSWORD, passwordConfirmation: PASSWORD, invitation: decodeURIComponent(token), ip: ip() });
      assert.equal(user.login, 'juniper');
      await assert.rejects(signUp(guest, { login: 'juniper2', email: 'j2@example.org', password: PASSWORD, passwordConfirmation: PASSWORD, invitation: decodeURIComponent(token), ip: ip() }), /by invitation/);
      await assert.rejects(inviteFromQueue(guest, 1), /Log in as an admin/);
      await setSignupMode({ ...guest, actor: SYSTEM }, 'open');
    });
  });
}
