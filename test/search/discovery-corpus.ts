// A small corpus for the discovery index tests: five visible works (A–E) with chosen counters,
// dates, flags and tags, plus a draft (F) and a work hidden by an admin (G) that must never be
// counted. Works are posted through the real services, then their counters and dates are set
// directly, as hits, kudos and backdating would.
import type { TestStore } from '../support/stores.ts';
import { contextFor, makeWork } from '../support/factories.ts';
import type { ResolvedWorkQuery } from '../../src/search/types.ts';

export type WorkKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';

interface Spec {
  key: WorkKey;
  creator: string;
  title: string;
  fandoms: string[];
  freeforms: string[];
  rating: string;
  restricted?: boolean;
  anonymous?: boolean;
  language?: string;
  draft?: boolean;
  set: {
    word_count: number;
    hits: number;
    kudos_count: number;
    comments_count: number;
    bookmarks_count: number;
    posted_at: string;
    revised_at: string;
    complete: boolean;
    crossover: boolean;
    expected_chapters: number | null;
    hidden_by_admin?: boolean;
  };
}

const day = (date: string): string => `${date}T00:00:00.000Z`;

export const SPECS: Spec[] = [
  {
    key: 'A', creator: 'bob', title: 'The Zebra Tale', fandoms: ['Fandom A'], freeforms: ['Fluff'], rating: 'General Audiences',
    set: { word_count: 1000, hits: 50, kudos_count: 5, comments_count: 1, bookmarks_count: 0, posted_at: day('2024-01-01'), revised_at: day('2024-03-01'), complete: true, crossover: false, expected_chapters: 1 },
  },
  {
    key: 'B', creator: 'alice', title: 'an apple a day', fandoms: ['Fandom A', 'Fandom B'], freeforms: ['Fluff', 'Angst'], rating: 'Mature', restricted: true,
    set: { word_count: 5000, hits: 500, kudos_count: 5, comments_count: 10, bookmarks_count: 3, posted_at: day('2024-02-01'), revised_at: day('2024-02-15'), complete: false, crossover: true, expected_chapters: null },
  },
  {
    key: 'C', creator: 'carol', title: "'Quiet' Hours", fandoms: ['Fandom B'], freeforms: ['Angst'], rating: 'Teen And Up Audiences', anonymous: true, language: 'fr',
    set: { word_count: 20000, hits: 5, kudos_count: 50, comments_count: 0, bookmarks_count: 7, posted_at: day('2023-06-01'), revised_at: day('2024-05-01'), complete: true, crossover: false, expected_chapters: 3 },
  },
  {
    key: 'D', creator: 'alice', title: '2 Days', fandoms: ['Fandom A'], freeforms: ['Hurt/Comfort', 'Fluff'], rating: 'Explicit',
    set: { word_count: 300, hits: 1000, kudos_count: 0, comments_count: 2, bookmarks_count: 1, posted_at: day('2024-04-01'), revised_at: day('2024-04-01'), complete: false, crossover: false, expected_chapters: null },
  },
  {
    key: 'E', creator: 'bob', title: '10 Days', fandoms: ['Fandom C'], freeforms: [], rating: 'General Audiences',
    set: { word_count: 7000, hits: 70, kudos_count: 7, comments_count: 7, bookmarks_count: 7, posted_at: day('2022-01-01'), revised_at: day('2022-01-01'), complete: false, crossover: false, expected_chapters: 2 },
  },
  {
    key: 'F', creator: 'alice', title: 'Draft', fandoms: ['Fandom A'], freeforms: ['Fluff'], rating: 'General Audiences', draft: true,
    set: { word_count: 100, hits: 0, kudos_count: 0, comments_count: 0, bookmarks_count: 0, posted_at: day('2024-01-01'), revised_at: day('2024-01-01'), complete: false, crossover: false, expected_chapters: 1 },
  },
  {
    key: 'G', creator: 'bob', title: 'Hidden', fandoms: ['Fandom A'], freeforms: ['Fluff'], rating: 'General Audiences',
    set: { word_count: 100, hits: 0, kudos_count: 99, comments_count: 0, bookmarks_count: 0, posted_at: day('2024-01-01'), revised_at: day('2024-01-01'), complete: true, crossover: false, expected_chapters: 1, hidden_by_admin: true },
  },
];

export interface Corpus {
  ids: Record<WorkKey, number>;
  keyOf: Map<number, WorkKey>;
  tag(name: string): Promise<number>;
  userId(pseud: string): Promise<number>;
}

export async function makeCorpus(store: TestStore): Promise<Corpus> {
  const ctx = contextFor(store);
  const ids = {} as Record<WorkKey, number>;
  for (const spec of SPECS) {
    const work = await makeWork(ctx, {
      creator: spec.creator,
      title: spec.title,
      fandoms: spec.fandoms,
      freeforms: spec.freeforms,
      rating: spec.rating,
      restricted: spec.restricted ?? false,
      anonymous: spec.anonymous ?? false,
      language: spec.language ?? 'en',
      draft: spec.draft ?? false,
    });
    ids[spec.key] = work.id;
    await store.db.updateTable('works').set(spec.set).where('id', '=', work.id).execute();
  }
  return {
    ids,
    keyOf: new Map(Object.entries(ids).map(([k, id]) => [id, k as WorkKey])),
    async tag(name) {
      return (await store.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    },
    async userId(pseud) {
      return (await store.db.selectFrom('pseuds').select('user_id').where('name', '=', pseud).executeTakeFirstOrThrow()).user_id;
    },
  };
}

export function query(overrides: Partial<ResolvedWorkQuery> = {}): ResolvedWorkQuery {
  return { scope: { includeRestricted: true }, includeTagIds: [], excludeTagIds: [], matchesNothing: false, sort: 'updated', order: 'desc', ...overrides };
}

export const GUEST = { includeRestricted: false };
