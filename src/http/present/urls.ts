// Paths to things, in AO3's shapes so readers' links carry over (DESIGN.md "Pages").
import { tagToParam } from '../../domain/tag-name.ts';

export const workUrl = (id: number) => `/works/${id}`;
export const chapterUrl = (workId: number, chapterId: number) => `/works/${workId}/chapters/${chapterId}`;
export const fullWorkUrl = (id: number) => `/works/${id}?view_full_work=true`;
export const tagUrl = (name: string) => `/tags/${tagToParam(name)}`;
export const tagWorksUrl = (name: string) => `/tags/${tagToParam(name)}/works`;
export const userUrl = (login: string) => `/users/${encodeURIComponent(login)}`;
export const userWorksUrl = (login: string) => `/users/${encodeURIComponent(login)}/works`;
export const pseudUrl = (login: string, pseud: string) =>
  pseud === login ? userUrl(login) : `/users/${encodeURIComponent(login)}/pseuds/${encodeURIComponent(pseud)}`;
export const seriesUrl = (id: number) => `/series/${id}`;
// Atom feeds (DESIGN.md "Pages": /tags/:tag/feed.atom) and the OPDS catalog's root.
export const tagFeedUrl = (name: string) => `/tags/${tagToParam(name)}/feed.atom`;
export const userFeedUrl = (login: string) => `/users/${encodeURIComponent(login)}/feed.atom`;
export const seriesFeedUrl = (id: number) => `/series/${id}/feed.atom`;
export const OPDS_ROOT = '/opds';
