// /admin: the site settings an admin changes most — who may sign up, the invitation queue, and
// one account at a time (look up, suspend, grant or remove roles). Every change is its own small
// POST form with the CSRF field; looking an account up is a GET, so its result can be linked.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { formatNumber, timeTag } from './components/date.ts';
import { buttonForm, csrfField, errorSummary, radioGroup, submitButton, textField } from './components/form.ts';

export interface AdminPage {
  signupMode: 'open' | 'invitation';
  queueLength: number;
  /** Keyed "form.field": invite.count, invite.email, user.login, mode.mode; "form._" or "_" for form-level messages. */
  errors: Record<string, string>;
  /** The account looked up with GET /admin?user=LOGIN, if any. */
  user: { login: string; url: string; email: string | null; roles: string[]; suspended: boolean; joinedAt: string } | null;
  lookup: string; // the typed login, kept
}

const ROLES = ['admin', 'wrangler', 'moderator'] as const;

const FIELD_IDS: Record<string, string> = {
  'invite.count': 'invite_count',
  'invite.email': 'invite_email',
  'user.login': 'admin_user',
  'mode.mode': 'signup_mode',
  'work.work_id': 'admin_work_id',
};

/** Form-level messages ("invite._", "user.role"…) link to their form's section. */
const SECTION_IDS: Record<string, string> = { mode: 'admin-signup', invite: 'admin-invitations', user: 'admin-accounts', work: 'admin-works' };

export function adminFieldId(key: string): string | null {
  return FIELD_IDS[key] ?? SECTION_IDS[key.split('.')[0] ?? ''] ?? null;
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section class="account-section" aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${body}
</section>`;
}

function signupSection(chrome: PageChrome, page: AdminPage): SafeHtml {
  return section(
    'admin-signup',
    'Sign-up',
    html`<form class="account-form" method="post" action="/admin/signup-mode">
${csrfField(chrome.csrfToken)}
${radioGroup({
  id: 'signup_mode',
  name: 'mode',
  legend: 'Who can create an account?',
  selected: page.signupMode,
  error: page.errors['mode.mode'],
  options: [
    { value: 'open', label: 'Open: anyone can sign up' },
    { value: 'invitation', label: 'Invitation only', hint: 'People request an invitation and join the queue; you send invitations below.' },
  ],
})}
${submitButton('Save sign-up setting')}
</form>`,
  );
}

function invitationsSection(chrome: PageChrome, page: AdminPage): SafeHtml {
  const queue =
    page.queueLength === 0
      ? 'Nobody is waiting in the invitation queue.'
      : page.queueLength === 1
        ? '1 person is waiting in the invitation queue.'
        : `${formatNumber(page.queueLength)} people are waiting in the invitation queue.`;
  return section(
    'admin-invitations',
    'Invitations',
    html`<p>${queue}</p>
<form class="account-form" method="post" action="/admin/invitations/send">
${csrfField(chrome.csrfToken)}
${textField({ id: 'invite_count', name: 'count', label: 'Invitations to send from the queue', type: 'number', min: 1, max: 500, required: true, hint: 'Between 1 and 500; the people who have waited longest are invited first.', error: page.errors['invite.count'] })}
${submitButton('Send invitations')}
</form>
<form class="account-form" method="post" action="/admin/invitations/invite">
${csrfField(chrome.csrfToken)}
${textField({ id: 'invite_email', name: 'email', label: 'Invite someone by email', type: 'email', autocomplete: 'off', required: true, error: page.errors['invite.email'] })}
${submitButton('Send invitation')}
</form>`,
  );
}

function userFacts(chrome: PageChrome, user: NonNullable<AdminPage['user']>): SafeHtml {
  const base = `/admin/users/${encodeURIComponent(user.login)}`;
  const roleForms = ROLES.map((role) => {
    const has = user.roles.includes(role);
    return buttonForm({
      action: `${base}/roles`,
      csrfToken: chrome.csrfToken,
      label: has ? `Remove ${role}` : `Grant ${role}`,
      hidden: { role, granted: has ? 'false' : 'true' },
    });
  });
  return html`<div class="admin-user">
<h3 id="admin-user-title"><a href="${user.url}">${user.login}</a></h3>
<dl class="meta">
<dt>Email:</dt><dd>${user.email ?? 'none'}</dd>
<dt>Roles:</dt><dd>${user.roles.length > 0 ? user.roles.join(', ') : 'none'}</dd>
<dt>Status:</dt><dd>${user.suspended ? 'Suspended' : 'Active'}</dd>
<dt>Joined:</dt><dd>${timeTag(user.joinedAt)}</dd>
</dl>
<div class="inline-forms">${buttonForm({
    action: `${base}/suspend`,
    csrfToken: chrome.csrfToken,
    label: user.suspended ? 'Unsuspend' : 'Suspend',
    hidden: { suspended: user.suspended ? 'false' : 'true' },
    danger: !user.suspended,
  })}${roleForms}</div>
</div>`;
}

function accountsSection(chrome: PageChrome, page: AdminPage): SafeHtml {
  const notFound = page.lookup && !page.user && !page.errors['user.login'] ? html`<p class="empty">No account has the login “${page.lookup}”.</p>` : '';
  return section(
    'admin-accounts',
    'Accounts',
    html`<form class="account-form lookup-form" method="get" action="/admin" role="search" aria-label="Look up an account">
${textField({ id: 'admin_user', name: 'user', label: 'Login', type: 'search', required: true, verbatim: true, value: page.lookup, error: page.errors['user.login'] })}
${submitButton('Look up')}
</form>
${page.user ? userFacts(chrome, page.user) : notFound}`,
  );
}

/** Hiding a work keeps it from everyone but its creators and admins, without deleting it. */
function worksSection(chrome: PageChrome, page: AdminPage): SafeHtml {
  return section(
    'admin-works',
    'Works',
    html`<form class="account-form" method="post" action="/admin/works/hidden">
${csrfField(chrome.csrfToken)}
${textField({ id: 'admin_work_id', name: 'work_id', label: 'Work number', type: 'number', min: 1, required: true, error: page.errors['work.work_id'], hint: 'The number in the work’s address, /works/NUMBER. A hidden work is seen only by its creators and admins.' })}
<p class="inline-actions"><button type="submit" name="hidden" value="true">Hide work</button> <button type="submit" name="hidden" value="false">Unhide work</button></p>
</form>`,
  );
}

export function adminView(chrome: PageChrome, page: AdminPage): string {
  return layout(
    chrome,
    html`<div class="account-page admin">
<h1>Admin</h1>
${errorSummary(page.errors, adminFieldId)}
<p class="admin-links"><a href="/admin/wrangling-log">Tag wrangling log</a> · <a href="/tags/wrangle">Tag wrangling</a></p>
${signupSection(chrome, page)}
${invitationsSection(chrome, page)}
${accountsSection(chrome, page)}
${worksSection(chrome, page)}
</div>`,
  );
}
