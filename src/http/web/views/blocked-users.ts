// A user's own blocked users (/users/:login/blocked): the list with an unblock button each, and
// a form to block someone by login. Private: only its owner ever sees it.
import { html } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { userUrl } from '../../present/urls.ts';
import { MAX_BLOCKED_USERS } from '../../../services/blocks/access.ts';
import { layout } from './layout.ts';
import { timeTag } from './components/date.ts';
import { buttonForm, csrfField, errorSummary, submitButton, textField } from './components/form.ts';

export interface BlockedUsersPage {
  login: string;
  action: string;
  users: Array<{ id: number; login: string; blockedAt: string }>;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export function blockedUsersView(chrome: PageChrome, page: BlockedUsersPage): string {
  const items = page.users.map(
    (u) => html`<li><a href="${userUrl(u.login)}">${u.login}</a> <span class="muted-since">blocked ${timeTag(u.blockedAt)}</span>
${buttonForm({ action: `${page.action}/${u.id}/delete`, csrfToken: chrome.csrfToken, label: 'Unblock', context: u.login })}</li>`,
  );
  return layout(
    chrome,
    html`<div class="blocked-users">
<h1>Blocked users</h1>
${errorSummary(page.errors, (key) => (key === 'login' ? 'block_login' : null))}
<p>Blocked users cannot comment on your works or reply to your comments. They are not told that you blocked them. You can block up to ${MAX_BLOCKED_USERS.toLocaleString('en-US')} users.</p>
${page.users.length > 0 ? html`<ul class="muted-list">${items}</ul>` : html`<p class="empty">You have not blocked anyone.</p>`}
<section aria-labelledby="block-someone">
<h2 id="block-someone">Block a user</h2>
<form class="account-form" method="post" action="${page.action}">
${csrfField(chrome.csrfToken)}
${textField({ id: 'block_login', name: 'login', label: 'User to block', type: 'text', required: true, maxlength: 100, verbatim: true, hint: 'Their login, as in the address of their page (/users/login).', value: page.values.login, error: page.errors.login })}
${submitButton('Block')}
</form>
</section>
</div>`,
  );
}
