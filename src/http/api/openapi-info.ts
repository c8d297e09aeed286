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
    { name: 'me', description: 'Your own personal filters (muted tags, muted creators, saved searches); needs an API token' },
    { name: 'feedback', description: 'Kudos, and the statistics a work’s creators see' },
    { name: 'comments', description: 'Comments on works and chapters, replies, and their moderation by the work’s creators' },
    { name: 'bookmarks', description: 'Bookmarks: anyone’s public ones, and your own to manage' },
    { name: 'subscriptions', description: 'Your subscriptions to works, creators and series, and the inbox they fill' },
    { name: 'history', description: 'Your reading history and Marked for Later list' },
  ],
};
