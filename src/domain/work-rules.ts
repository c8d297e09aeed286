// Rules about works that hold whatever the storage: limits (AO3's), the `n/m` chapter display,
// and when a work counts as complete.

export const LIMITS = {
  titleMax: 255,
  summaryMax: 1250,
  notesMax: 5000,
  chapterTitleMax: 255,
  /** AO3 caps a chapter at 500,000 characters of HTML. */
  chapterContentMax: 500_000,
  /** AO3 caps a work at 500 chapters. */
  chaptersMax: 500,
  tagsPerWorkMax: 75,
} as const;

/** AO3 shows `2/5` or `2/?`. */
export function chapterFraction(postedChapters: number, expected: number | null): string {
  return `${postedChapters}/${expected ?? '?'}`;
}

/** A work is complete when its expected chapter count is known and reached. */
export function isComplete(postedChapters: number, expected: number | null): boolean {
  return expected !== null && postedChapters >= expected;
}

/**
 * The expected count after posting: AO3 raises it when more chapters than expected are posted,
 * so `6/5` never happens.
 */
export function normalizeExpected(postedChapters: number, expected: number | null): number | null {
  if (expected === null) return null;
  return Math.max(expected, postedChapters);
}
