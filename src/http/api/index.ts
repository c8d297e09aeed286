// JSON API v1: shared schemas, the routes, and the generated OpenAPI document.
import type { App } from '../app-type.ts';
import { SHARED_SCHEMAS } from './schemas.ts';
import { registerWorkApi } from './works.ts';
import { registerTagApi } from './tags.ts';
import { registerWorkWriteApi } from './works-write.ts';
import { registerTagAutocompleteApi } from './tag-autocomplete.ts';

export async function registerApiRoutes(app: App): Promise<void> {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await registerWorkApi(app);
  await registerTagApi(app);
  await registerWorkWriteApi(app);
  await registerTagAutocompleteApi(app);
  app.get('/api/v1/openapi.json', async () => app.swagger());
}
