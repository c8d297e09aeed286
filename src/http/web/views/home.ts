// The front page: what this site is, the newest works, and — on a fresh install — what the admin
// should do next, so a new archive never greets its owner with a blank page.
import { html } from '../html.ts';
import type { PageChrome, WorkBlurb } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { blurbList } from './components/blurb.ts';

export interface HomeData {
  works: WorkBlurb[];
  moreUrl: string;
  setupPending: boolean;
}

export function homeView(chrome: PageChrome, data: HomeData): string {
  const setup = data.setupPending
    ? html`<div class="notice setup-notice">
<h2>Finish setting up</h2>
<p>The admin account has not been created yet. The one-time setup link was printed in the server log when ${chrome.siteName} started; open it to create the account.</p>
</div>`
    : '';
  const works =
    data.works.length > 0
      ? html`${blurbList(data.works, 3)}
<p class="more"><a href="${data.moreUrl}">Browse all works</a></p>`
      : html`<div class="empty">
<p>There are no works here yet.</p>
<p>If you run this archive, load the sample works with <code>npx owlery demo</code>, or import your own with <code>npx owlery import FILE</code>.</p>
</div>`;
  return layout(
    chrome,
    html`<h1>Welcome to ${chrome.siteName}</h1>
${setup}
<p class="intro">${chrome.siteName} is an archive of fan works: stories written by fans, tagged by fandom, characters and relationships so you can find exactly what you want to read. Browse by tag, search inside the text, and read every work with or without an account.</p>
<section aria-labelledby="newest-works">
<h2 id="newest-works">Newest works</h2>
${works}
</section>`,
  );
}
