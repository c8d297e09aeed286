// Structural checks for server-rendered pages with forms, shared by the view tests: every POST
// form carries the CSRF token (and GET forms do not), every control has a label, ids are unique
// and every for/aria-*/#fragment reference resolves, one h1 and no skipped heading levels,
// passwords are never echoed, and no live script tag got through.
import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';
import type { PageChrome } from '../../src/http/present/view-models.ts';

export const TOKEN = 'csrf-token-123';
export const EVIL = '<script>alert(1)</script> "quotes"';
export const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot;';
export const SECRET = 'hunter2-secret-password';

/** Page chrome for a guest, with the CSRF token every form must send. */
export const chrome = (over: Partial<PageChrome> = {}): PageChrome => ({ siteName: 'Owlery', title: 'Page', path: '/', csrfToken: TOKEN, ...over });
/** Page chrome for the logged-in user "wren". */
export const user = (over: Partial<PageChrome> = {}) => chrome({ currentUser: 'wren', ...over });

export interface Element {
  name: string;
  attrs: Record<string, string>;
  /** Index of the enclosing <form> in `forms`, or -1. */
  form: number;
}

export interface Parsed {
  elements: Element[];
  forms: Element[];
  headings: Array<{ level: number; text: string }>;
}

export function parse(page: string): Parsed {
  const elements: Element[] = [];
  const forms: Element[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let form = -1;
  let heading: { level: number; text: string } | null = null;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'form') {
        assert.equal(form, -1, 'forms are not nested');
        form = forms.length;
        forms.push({ name, attrs, form });
      }
      elements.push({ name, attrs, form });
      const match = /^h([1-6])$/.exec(name);
      if (match) heading = { level: Number(match[1]), text: '' };
    },
    ontext(text) {
      if (heading) heading.text += text;
    },
    onclosetag(name) {
      if (name === 'form') form = -1;
      if (heading && name === `h${heading.level}`) {
        headings.push(heading);
        heading = null;
      }
    },
  });
  parser.write(page);
  parser.end();
  return { elements, forms, headings };
}

export const isControl = (e: Element) => ['input', 'select', 'textarea'].includes(e.name) && e.attrs.type !== 'hidden';

/** The structure every page here must have; returns the parse for further checks. */
export function check(page: string): Parsed {
  const parsed = parse(page);
  const ids = new Map<string, Element>();
  for (const e of parsed.elements) {
    if (e.attrs.id === undefined) continue;
    assert.ok(!ids.has(e.attrs.id), `duplicate id ${e.attrs.id}`);
    ids.set(e.attrs.id, e);
  }
  for (const e of parsed.elements) {
    for (const key of ['for', 'aria-labelledby', 'aria-describedby']) {
      for (const ref of e.attrs[key]?.split(/\s+/) ?? []) assert.ok(ids.has(ref), `${key} points at missing id #${ref}`);
    }
    if (e.attrs.href?.startsWith('#')) assert.ok(ids.has(e.attrs.href.slice(1)), `link to missing id ${e.attrs.href}`);
  }
  const labelled = new Set(parsed.elements.filter((e) => e.name === 'label').map((e) => e.attrs.for));
  for (const control of parsed.elements.filter(isControl)) {
    assert.ok(control.attrs.id && labelled.has(control.attrs.id), `control ${control.attrs.name} has a label`);
  }
  // Every state-changing form sends the CSRF token; GET forms do not leak it into URLs.
  parsed.forms.forEach((f, index) => {
    const csrf = parsed.elements.filter((e) => e.form === index && e.name === 'input' && e.attrs.name === '_csrf');
    if (f.attrs.method === 'post') {
      assert.equal(csrf.length, 1, `form ${f.attrs.action} has one _csrf field`);
      assert.equal(csrf[0]?.attrs.type, 'hidden');
      assert.equal(csrf[0]?.attrs.value, TOKEN, `form ${f.attrs.action} sends the page's token`);
    } else {
      assert.equal(f.attrs.method, 'get', `form ${f.attrs.action} says its method`);
      assert.equal(csrf.length, 0);
    }
    const submits = parsed.elements.filter((e) => e.form === index && e.name === 'button');
    assert.ok(submits.length > 0, `form ${f.attrs.action} has a button`);
  });
  for (const e of parsed.elements) {
    if (e.name === 'input' && e.attrs.type === 'password') assert.equal(e.attrs.value, undefined, `password ${e.attrs.id} is not echoed`);
  }
  assert.equal(parsed.headings.filter((h) => h.level === 1).length, 1, 'exactly one h1');
  let previous = 1;
  for (const h of parsed.headings) {
    assert.ok(h.level <= previous + 1, `heading "${h.text}" skips from h${previous} to h${h.level}`);
    previous = h.level;
  }
  assert.ok(!page.includes('<script>alert(1)'), 'no live script tag');
  return parsed;
}

export const byId = (p: Parsed, id: string) => p.elements.find((e) => e.attrs.id === id);
export const postActions = (p: Parsed) => p.forms.filter((f) => f.attrs.method === 'post').map((f) => f.attrs.action);
