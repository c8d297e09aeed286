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
