// The "Reading and notifications" section of the account page: how subscription email arrives
// (at once, a daily digest, or never) and whether opened works are kept in the history, with
// links to the reader's inbox, subscriptions, history and bookmarks.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { bookmarksUrl, inboxUrl, readingsUrl, subscriptionsUrl } from '../../present/reader.ts';
import { checkbox, csrfField, radioGroup, submitButton } from './components/form.ts';

export interface ReaderPreferencesSection {
  login: string;
  notificationEmail: 'immediately' | 'digest' | 'never';
  historyEnabled: boolean;
}

export function readerPreferencesSection(chrome: PageChrome, prefs: ReaderPreferencesSection | undefined): SafeHtml {
  if (!prefs) return html``;
  return html`<section class="account-section" aria-labelledby="account-reading">
<h2 id="account-reading">Reading and notifications</h2>
<ul class="account-links commas">
<li><a href="${inboxUrl(prefs.login)}">Inbox</a></li>
<li><a href="${subscriptionsUrl(prefs.login)}">Subscriptions</a></li>
<li><a href="${readingsUrl(prefs.login)}">History and Marked for Later</a></li>
<li><a href="${bookmarksUrl(prefs.login)}">Bookmarks</a></li>
</ul>
<form class="account-form" method="post" action="/account/preferences">
${csrfField(chrome.csrfToken)}
${radioGroup({
  id: 'preferences_notification_email',
  name: 'notification_email',
  legend: 'Email me about new works and chapters from my subscriptions',
  selected: prefs.notificationEmail,
  options: [
    { value: 'immediately', label: 'Immediately, one email each' },
    { value: 'digest', label: 'Once a day, in a digest' },
    { value: 'never', label: 'Never (the inbox still shows them)' },
  ],
})}
${checkbox({ id: 'preferences_history', name: 'history', label: 'Keep a history of the works I open', checked: prefs.historyEnabled, hint: 'Only you can see your history.' })}
${submitButton('Save preferences')}
</form>
</section>`;
}
