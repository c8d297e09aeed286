// Page-number pagination for listing pages.
import type { Pagination } from '../present/view-models.ts';

function withPage(path: string, page: number): string {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  if (page <= 1) params.delete('page');
  else params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base!;
}

export function paginate(url: string, page: number, pageSize: number, shown: number, total: number, noun = 'works'): Pagination {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  return {
    previousUrl: page > 1 ? withPage(url, page - 1) : null,
    nextUrl: last < total ? withPage(url, page + 1) : null,
    summary: total === 0 ? `No ${noun}` : `${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun}`,
  };
}
