// The OpenAPI document's header; the paths come from the API routes' schemas.
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Owlery API',
    version: '1.0.0',
    description:
      'Read the archive as JSON. Every answer shows only what the caller may see: drafts, works hidden by admins, ' +
      'restricted works (for guests) and the creators of anonymous works never appear. Errors are ' +
      '{"error":{"code":"…","message":"…"}} with a fitting HTTP status.',
  },
  tags: [
    { name: 'works', description: 'Works and their chapters' },
    { name: 'tags', description: 'Tags and how they are wrangled' },
  ],
};
