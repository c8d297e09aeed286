// Tag, creator and series pages, and their work listings.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { findCreator, findSeries, findTag } from '../../../services/browse.ts';
import { listWorks } from '../../../services/list-works.ts';
import { canEditSeries } from '../../../services/works/series.ts';
import { canWrangle } from '../../../services/wrangling/guard.ts';
import { tagFromParam } from '../../../domain/tag-name.ts';
import { TAG_TYPE_LABELS } from '../../../domain/tag-types.ts';
import { presentBlurb } from '../../present/work-blurb.ts';
import { pseudUrl, seriesFeedUrl, tagFeedUrl, tagWorksUrl, userFeedUrl, userUrl, userWorksUrl } from '../../present/urls.ts';
import { tagView } from '../views/tag.ts';
import { userView } from '../views/user.ts';
import { seriesView } from '../views/series.ts';
import { chromeFor, sendPage } from '../render.ts';
import { sendWorkListing } from '../work-listing.ts';
import { tagWrangleUrl } from '../views/wrangling-shared.ts';
import { presentTagRelations } from '../../present/tag-relations.ts';
import { Id } from './params.ts';
import { muteStateFor } from '../../../services/personal-filters/load-mutes.ts';
import { muteCreatorControl, muteTagControl } from '../views/mute-controls.ts';
import { creatorReaderControls, seriesSubscribeControl } from '../subscribe-controls.ts';
import { blockControl } from '../views/block-control.ts';
import { blockStateFor } from '../../../services/blocks/list-blocked.ts';

const TagParams = Type.Object({ tag: Type.String({ minLength: 1, maxLength: 500 }) });
const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });
const RECENT = 5;

export async function registerBrowseRoutes(app: App): Promise<void> {
  app.get('/tags/:tag', { schema: { params: TagParams } }, async (request, reply) => {
    const view = await findTag(request.ctx, tagFromParam(request.params.tag));
    const recent = await listWorks(request.ctx, { filterTagId: view.filterTag.id, limit: RECENT });
    const { tag, relations } = view;
    const chrome = chromeFor(request, { title: tag.name, feedUrl: tagFeedUrl(view.filterTag.name) });
    const muteState = await muteStateFor(request.ctx, { tagId: view.filterTag.id });
    return sendPage(
      reply,
      tagView(chrome, {
        name: tag.name,
        type: tag.type,
        typeLabel: TAG_TYPE_LABELS[tag.type].one,
        canonical: tag.canonical,
        ...presentTagRelations(relations),
        worksUrl: tagWorksUrl(view.filterTag.name),
        workCount: view.workCount,
        recentWorks: recent.cards.map(presentBlurb),
        wrangleUrl: canWrangle(request.ctx) ? tagWrangleUrl(tag.name) : null,
      }, [muteTagControl(chrome, { tagId: view.filterTag.id, name: view.filterTag.name, muted: muteState.tag })]),
    );
  });

  app.get('/tags/:tag/works', { schema: { params: TagParams } }, async (request, reply) => {
    const view = await findTag(request.ctx, tagFromParam(request.params.tag));
    return sendWorkListing(request, reply, {
      title: `${view.filterTag.name} - Works`,
      heading: `Works in ${view.filterTag.name}`,
      path: tagWorksUrl(view.filterTag.name),
      within: { withinTagId: view.filterTag.id },
      feedUrl: tagFeedUrl(view.filterTag.name),
    });
  });

  const userPage = async (login: string, request: FastifyRequest) => {
    const view = await findCreator(request.ctx, login);
    const recent = await listWorks(request.ctx, { creatorUserId: view.user.id, includeAnonymous: view.includeAnonymous, limit: RECENT });
    const chrome = chromeFor(request, { title: view.user.login, feedUrl: userFeedUrl(view.user.login) });
    const muteState = await muteStateFor(request.ctx, { userId: view.user.id });
    return userView(chrome, {
      login: view.user.login,
      url: userUrl(view.user.login),
      pseuds: view.pseuds.map((p) => ({ name: p.name, url: pseudUrl(view.user.login, p.name), isDefault: p.isDefault })),
      joinedAt: view.user.createdAt,
      workCount: view.workCount,
      worksUrl: userWorksUrl(view.user.login),
      recentWorks: recent.cards.map(presentBlurb),
    }, [muteCreatorControl(chrome, { userId: view.user.id, login: view.user.login, muted: muteState.user }), await creatorReaderControls(request, chrome, view.user), blockControl(chrome, { userId: view.user.id, login: view.user.login, state: await blockStateFor(request.ctx, view.user.id) })]);
  };

  app.get('/users/:login', { schema: { params: LoginParams } }, async (request, reply) => sendPage(reply, await userPage(request.params.login, request)));

  // Pseud pages show the account's page until pseud management arrives with accounts.
  app.get('/users/:login/pseuds/:pseud', { schema: { params: Type.Object({ login: LoginParams.properties.login, pseud: Type.String({ minLength: 1, maxLength: 100 }) }) } }, async (request, reply) =>
    sendPage(reply, await userPage(request.params.login, request)),
  );

  app.get('/users/:login/works', { schema: { params: LoginParams } }, async (request, reply) => {
    const view = await findCreator(request.ctx, request.params.login);
    return sendWorkListing(request, reply, {
      title: `${view.user.login} - Works`,
      heading: `Works by ${view.user.login}`,
      path: userWorksUrl(view.user.login),
      within: { creatorUserId: view.user.id, includeAnonymous: view.includeAnonymous },
      feedUrl: userFeedUrl(view.user.login),
    });
  });

  app.get('/series/:id', { schema: { params: Type.Object({ id: Id }) } }, async (request, reply) => {
    const view = await findSeries(request.ctx, request.params.id);
    const blurbs = view.works.cards.map(presentBlurb);
    const dates = view.works.cards.map((c) => c.work.postedAt).filter((d): d is string => d !== null).sort();
    const updates = view.works.cards.map((c) => c.work.revisedAt).filter((d): d is string => d !== null).sort();
    const chrome = chromeFor(request, { title: view.series.title, feedUrl: seriesFeedUrl(view.series.id) });
    return sendPage(
      reply,
      seriesView(chrome, {
        id: view.series.id,
        title: view.series.title,
        creators: view.creators.map((c) => ({ pseud: c.pseud, login: c.login, url: pseudUrl(c.login, c.pseud) })),
        anonymous: view.creators.length === 0,
        summaryHtml: view.series.summary,
        notesHtml: view.series.notes,
        complete: view.series.complete,
        wordCount: view.works.cards.reduce((sum, c) => sum + c.work.wordCount, 0),
        works: blurbs,
        beganAt: dates[0] ?? null,
        updatedAt: updates.at(-1) ?? null,
        editUrl: (await canEditSeries(request.ctx, view.series.id)) ? `/series/${view.series.id}/edit` : null,
      }, [await seriesSubscribeControl(request, chrome, view.series)]),
    );
  });
}
