// Kudos → the work page's kudos block and the API's JSON. Only logins and counts: a guest is a
// number, never anything that could tell guests apart.
import type { KudosList } from '../../services/kudos/list-kudos.ts';
import { ALREADY_LEFT_KUDOS } from '../../services/kudos/leave-kudos.ts';
import { userUrl, workUrl } from './urls.ts';

export const kudosUrl = (workId: number) => `${workUrl(workId)}/kudos`;
export const workStatsUrl = (workId: number) => `${workUrl(workId)}/stats`;
export const userStatsUrl = (login: string) => `${userUrl(login)}/stats`;

/** Fixed notices after the kudos form's redirect (?kudos=…); nothing from the URL is echoed. */
export const KUDOS_NOTICES: Record<string, string> = {
  left: 'Thank you for leaving kudos!',
  already: ALREADY_LEFT_KUDOS,
};

export interface KudosBlock {
  /** Where the "Kudos ♥" form posts; null when this reader may not leave kudos here. */
  action: string | null;
  /** The page to come back to (same work), without any earlier notice. */
  returnTo: string;
  csrfToken: string;
  users: Array<{ login: string; url: string }>;
  /** Users who left kudos beyond those named. */
  moreUsers: number;
  guests: number;
  total: number;
  notice: string | null;
  /** For the work's creators: the work's stats page. */
  statsUrl: string | null;
}

export function presentKudos(workId: number, list: KudosList, page: { returnTo: string; csrfToken: string; notice: string | null; canSeeStats: boolean }): KudosBlock {
  return {
    action: list.canLeave ? kudosUrl(workId) : null,
    returnTo: page.returnTo,
    csrfToken: page.csrfToken,
    users: list.logins.map((login) => ({ login, url: userUrl(login) })),
    moreUsers: Math.max(0, list.userCount - list.logins.length),
    guests: list.guestCount,
    total: list.total,
    notice: page.notice,
    statsUrl: page.canSeeStats ? workStatsUrl(workId) : null,
  };
}

export interface KudosJson {
  workId: number;
  total: number;
  userCount: number;
  guestCount: number;
  users: Array<{ login: string; url: string }>;
}

export function kudosJson(workId: number, list: KudosList): KudosJson {
  return {
    workId,
    total: list.total,
    userCount: list.userCount,
    guestCount: list.guestCount,
    users: list.logins.map((login) => ({ login, url: userUrl(login) })),
  };
}
