// AO3's media categories, the top of the tag tree (media → fandom), seeded with the fixed tags.
export const MEDIA = [
  'Anime & Manga',
  'Books & Literature',
  'Cartoons & Comics & Graphic Novels',
  'Celebrities & Real People',
  'Movies',
  'Music & Bands',
  'Other Media',
  'Theater',
  'TV Shows',
  'Video Games',
  'Uncategorized Fandoms',
] as const;
