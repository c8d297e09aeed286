// GET /api/v1/tags/:tag
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { findTag } from '../../services/browse.ts';
import { tagFromParam } from '../../domain/tag-name.ts';
import { presentTagRelations } from '../present/tag-relations.ts';
import { tagUrl, tagWorksUrl } from '../present/urls.ts';
import { errorResponses } from './schemas.ts';

export async function registerTagApi(app: App): Promise<void> {
  app.get(
    '/api/v1/tags/:tag',
    {
      schema: {
        tags: ['tags'],
        summary: 'One tag, with how it is wrangled',
        description: "The tag name as in page URLs: AO3's escapes (/ → *s*, & → *a*, . → *d*, # → *h*, ? → *q*), then percent-encoding.",
        params: Type.Object({ tag: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: Type.Ref('Tag'), ...errorResponses },
      },
    },
    async (request) => {
      const { tag, relations, filterTag, workCount } = await findTag(request.ctx, tagFromParam(request.params.tag));
      return {
        name: tag.name,
        type: tag.type,
        canonical: tag.canonical,
        url: tagUrl(tag.name),
        worksUrl: tagWorksUrl(filterTag.name),
        ...presentTagRelations(relations),
        workCount,
      };
    },
  );
}
