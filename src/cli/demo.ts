import { configFrom, parse } from './args.ts';
import { withStore } from './store.ts';
import { loadDemo } from '../services/load-demo.ts';

export const DEMO_HELP = `owlery demo [--data DIR | --database-url URL]
  Loads the sample works shipped with Owlery (once).`;

export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {});
  if (values.help) return (console.log(DEMO_HELP), 0);
  const result = await withStore(configFrom(values), (_store, ctx) => loadDemo(ctx));
  if (result.alreadyLoaded) {
    console.log('The demo works are already loaded.');
  } else {
    console.log(`Loaded ${result.works.length} demo works:`);
    for (const work of result.works) console.log(`  /works/${work.id}  ${work.title}`);
  }
  return 0;
}
