// The front page: what Owlery is and the newest works.
import type { App } from '../../app-type.ts';
import { listWorks } from '../../../services/list-works.ts';
import { presentBlurb } from '../../present/work-blurb.ts';
import { homeView } from '../views/home.ts';
import { chromeFor, sendPage } from '../render.ts';

export async function registerHomeRoutes(app: App): Promise<void> {
  app.get('/', async (request, reply) => {
    const newest = await listWorks(request.ctx, { limit: 10 });
    const chrome = chromeFor(request, { title: '', description: 'A self-hosted archive of fan works.' });
    return sendPage(reply, homeView(chrome, { works: newest.cards.map(presentBlurb), moreUrl: '/works', setupPending: app.owlery.setupPending }));
  });
}
