// `owlery demo`: the sample works shipped with the project (src/demo/), written for it.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_WORKS, type DemoWork } from '../demo/catalog.ts';
import { getSetting, putSetting } from '../db/repos/settings.repo.ts';
import { Forbidden } from '../domain/errors.ts';
import { can } from '../domain/policy.ts';
import { parseImportFile } from '../formats/import/index.ts';
import { textToHtml } from '../formats/import/text.ts';
import type { ServiceContext } from './context.ts';
import { findOrCreateImportCreator } from './import-creator.ts';
import { validateWork } from './work-input.ts';
import { writeWork } from './write-work.ts';

const DEMO_DIR = path.resolve(import.meta.dirname, '../demo/works');
const LOADED_KEY = 'demo_loaded_at';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoResult {
  alreadyLoaded: boolean;
  works: Array<{ id: number; title: string }>;
}

async function inputFor(demo: DemoWork, now: Date) {
  const doc = await parseImportFile(fs.readFileSync(path.join(DEMO_DIR, demo.file)), demo.file);
  return validateWork({
    title: demo.title,
    summaryHtml: textToHtml(demo.summary),
    notesHtml: demo.notes ? textToHtml(demo.notes) : '',
    endNotesHtml: demo.endNotes ? textToHtml(demo.endNotes) : '',
    language: demo.language,
    rating: demo.rating,
    warnings: demo.warnings,
    categories: demo.categories,
    fandoms: demo.fandoms,
    relationships: demo.relationships,
    characters: demo.characters,
    freeforms: demo.freeforms,
    chapters: doc.chapters,
    expectedChapters: demo.expectedChapters,
    series: demo.series ?? null,
    postedAt: new Date(now.getTime() - demo.postedDaysAgo * DAY_MS),
  });
}

export async function loadDemo(ctx: ServiceContext): Promise<DemoResult> {
  if (!can(ctx.actor, { do: 'works:import' })) throw new Forbidden('Only administrators may load the demo works.');
  if (await getSetting(ctx.db, LOADED_KEY)) return { alreadyLoaded: true, works: [] };
  const now = ctx.clock.now();
  // Oldest first, so ids follow posting order like a real archive.
  const ordered = [...DEMO_WORKS].sort((a, b) => b.postedDaysAgo - a.postedDaysAgo);
  const prepared = await Promise.all(ordered.map(async (demo) => ({ demo, work: await inputFor(demo, now) })));
  return ctx.db.transaction().execute(async (trx) => {
    const works: DemoResult['works'] = [];
    for (const { demo, work } of prepared) {
      const pseud = await findOrCreateImportCreator(trx, demo.creator, now.toISOString());
      const id = await writeWork(trx, work, [pseud.id], now);
      works.push({ id, title: work.title });
    }
    await putSetting(trx, LOADED_KEY, now.toISOString(), now.toISOString());
    return { alreadyLoaded: false, works };
  });
}
