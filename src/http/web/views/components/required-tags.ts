// AO3's "required tags" square: rating, warnings, category and completion at a glance. AO3 draws
// four symbols; we draw four short text badges, coloured by meaning but never relying on colour
// alone (WCAG 1.4.1): the short text differs, the full text is in the accessible name, and a
// `title` shows it on hover.
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { WorkBlurb } from '../../../present/view-models.ts';

interface Badge {
  kind: string;
  modifier: string;
  short: string;
  full: string;
}

const RATING_SHORT: Record<string, [string, string]> = {
  'General Audiences': ['G', 'general'],
  'Teen And Up Audiences': ['T', 'teen'],
  Mature: ['M', 'mature'],
  Explicit: ['E', 'explicit'],
  'Not Rated': ['NR', 'notrated'],
};

function ratingBadge(work: WorkBlurb): Badge {
  const name = work.rating?.name ?? 'Not Rated';
  const [short, modifier] = RATING_SHORT[name] ?? [name.slice(0, 2), 'notrated'];
  return { kind: 'rating', modifier, short, full: `Rating: ${name}` };
}

function warningBadge(work: WorkBlurb): Badge {
  const names = work.warnings.map((w) => w.name);
  const real = names.filter(
    (n) => n !== 'No Archive Warnings Apply' && n !== 'Creator Chose Not To Use Archive Warnings',
  );
  // AO3's order of precedence: a specific warning beats "chose not to warn" beats "none apply".
  if (real.length > 0) return { kind: 'warning', modifier: 'yes', short: '!', full: `Archive Warnings: ${names.join(', ')}` };
  if (names.includes('Creator Chose Not To Use Archive Warnings') || names.length === 0) {
    return { kind: 'warning', modifier: 'choosenot', short: '?', full: 'Creator Chose Not To Use Archive Warnings' };
  }
  return { kind: 'warning', modifier: 'none', short: '–', full: 'No Archive Warnings Apply' };
}

function categoryBadge(work: WorkBlurb): Badge {
  const names = work.categories.map((c) => c.name);
  if (names.length === 0) return { kind: 'category', modifier: 'none', short: '–', full: 'No category' };
  return {
    kind: 'category',
    modifier: names.length > 1 ? 'multi' : 'one',
    short: names.join(' '),
    full: `${names.length > 1 ? 'Categories' : 'Category'}: ${names.join(', ')}`,
  };
}

function completeBadge(work: WorkBlurb): Badge {
  return work.complete
    ? { kind: 'complete', modifier: 'yes', short: '✓', full: 'Complete Work' }
    : { kind: 'complete', modifier: 'no', short: 'WIP', full: 'Work in Progress' };
}

function badge(b: Badge): SafeHtml {
  return html`<li class="badge ${b.kind} ${b.kind}-${b.modifier}" title="${b.full}"><span aria-hidden="true">${b.short}</span><span class="visually-hidden">${b.full}</span></li>`;
}

export function requiredTags(work: WorkBlurb): SafeHtml {
  const badges = [ratingBadge(work), warningBadge(work), categoryBadge(work), completeBadge(work)];
  return html`<ul class="required-tags" aria-label="Required tags">${badges.map(badge)}</ul>`;
}

/** The "Restricted" marker for works only logged-in users can see. */
export function restrictedMarker(restricted: boolean): SafeHtml {
  if (!restricted) return html``;
  return html` <span class="badge restricted" title="Restricted to logged-in users">Restricted</span>`;
}
