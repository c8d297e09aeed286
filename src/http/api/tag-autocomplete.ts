// GET /api/v1/tags/autocomplete — suggestions for the posting form's tag fields (and any client):
// existing tags (of one type, or any) with a word starting with `q`, ignoring case and accents,
// canonical first, optionally only those wrangled under a fandom, at most 10. Tags used only on
// works the caller cannot see are never suggested.
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { MAX_TAG_LENGTH } from '../../domain/tag-name.ts';
import { TAG_TYPES } from '../../domain/tag-types.ts';
import { autocompleteTags } from '../../services/works/tag-autocomplete.ts';
import { errorResponses } from './schemas.ts';

const TagTypeParam = Type.Union(TAG_TYPES.map((t) => Type.Literal(t)), { description: 'Tag type to suggest' });

const Suggestion = Type.Object({
  name: Type.String(),
  type: TagTypeParam,
  canonical: Type.Boolean({ description: 'Canonical tags are listed first' }),
});

export async function registerTagAutocompleteApi(app: App): Promise<void> {
  app.get(
    '/api/v1/tags/autocomplete',
    {
      schema: {
        tags: ['tags'],
        summary: 'Tag suggestions while typing',
        description:
          'Tags (of `type`, or of any type) with a word starting with `q` — case, accents and width ignored, so `ele` finds "Éléonore Dubois" and "Anne Elliot"; several words match consecutive words ("draco mal"). ' +
          'Canonical tags come first; among them and among the others, names starting with `q` before names with a later word starting with it, then by the matched words. With `fandom` (a fandom name or a synonym of one), only tags wrangled under that fandom. ' +
          'Tags used only on works the caller cannot see are never suggested. At most 10.',
        querystring: Type.Object({
          type: Type.Optional(TagTypeParam),
          q: Type.String({ minLength: 1, maxLength: MAX_TAG_LENGTH, pattern: '\\S', description: 'What has been typed so far (not blank, at most 150 characters)' }),
          fandom: Type.Optional(Type.String({ maxLength: MAX_TAG_LENGTH, description: 'A fandom name: only tags wrangled under it' })),
        }),
        response: { 200: Type.Object({ tags: Type.Array(Suggestion) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const tags = await autocompleteTags(request.ctx, request.query);
      // Suggestions depend on who is asking (restricted works), so shared caches must not keep them.
      reply.header('cache-control', 'private, max-age=60');
      return { tags };
    },
  );
}
