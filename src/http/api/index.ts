// JSON API v1: shared schemas, the routes, and the generated OpenAPI document.
import type { App } from '../app-type.ts';
import { SHARED_SCHEMAS } from './schemas.ts';
import { registerWorkApi } from './works.ts';
import { registerTagApi } from './tags.ts';
import { registerWorkWriteApi } from './works-write.ts';
import { registerTagAutocompleteApi } from './tag-autocomplete.ts';
import { registerMeFilterApi } from './me-filters.ts';
import { registerKudosApi } from './kudos.ts';
import { registerCommentApi } from './comments.ts';
import { registerMeBlockApi } from './me-blocks.ts';
import { registerReaderApi } from './reader.ts';

export async function registerApiRoutes(app: App): Promise<void> {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await registerWorkApi(app);
  await registerTagApi(app);
  await registerWorkWriteApi(app);
  await registerTagAutocompleteApi(app);
  await registerMeFilterApi(app);
  await registerKudosApi(app);
  await registerCommentApi(app);
  await registerMeBlockApi(app);
  await registerReaderApi(app);
  app.get('/api/v1/openapi.json', async () => app.swagger());
}
