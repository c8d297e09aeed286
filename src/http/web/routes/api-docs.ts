// `/api`: readable documentation rendered from the generated OpenAPI document.
import type { App } from '../../app-type.ts';
import { apiDocsView } from '../views/api-docs.ts';
import { chromeFor, sendPage } from '../render.ts';

export async function registerApiDocsRoute(app: App): Promise<void> {
  app.get('/api', async (request, reply) => sendPage(reply, apiDocsView(chromeFor(request, { title: 'API' }), app.swagger() as object)));
}
