// Error pages. They say what happened in plain words and offer a way on; a 500 shows the request
// id so a reader's report can be matched to the server log (the error handler hides the details).
import { html } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';

export interface ErrorData {
  status: number;
  heading: string;
  message: string;
  requestId?: string;
}

const DEFAULT_HEADINGS: Record<number, string> = {
  400: 'Something in that request was not right',
  403: 'You don’t have permission to see this',
  404: 'We couldn’t find that page',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
};

export function errorView(chrome: PageChrome, data: ErrorData): string {
  const heading = data.heading || DEFAULT_HEADINGS[data.status] || 'Something went wrong';
  const help =
    data.status >= 500
      ? html`<p>Please try again in a moment.${data.requestId ? html` If it keeps happening, tell the archive’s admins and include this request ID: <code class="request-id">${data.requestId}</code>.` : ''}</p>`
      : data.status === 404
        ? html`<p>It may have been moved or deleted, or the address may be mistyped.</p>`
        : data.status === 403
          ? html`<p>If this work is restricted, you may need to log in to read it.</p>`
          : '';
  return layout(
    chrome,
    html`<div class="error-page">
<h1>${heading}</h1>
<p class="status">Error ${data.status}</p>
${data.message ? html`<p class="message">${data.message}</p>` : ''}
${help}
<p><a href="/">Go to the home page</a> or <a href="/works">browse all works</a>.</p>
</div>`,
  );
}
