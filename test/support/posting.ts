// Helpers for the posting HTTP tests: a valid form, a database snapshot to prove a refused request
// changed nothing, and multipart bodies as a browser sends the form with a file.
import path from 'node:path';
import type { TestApp } from './app.ts';
import type { WebClient, WebResponse } from './web-client.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** A valid new-work form; tests override fields. */
export function workForm(overrides: Record<string, string | string[] | null> = {}): Record<string, string | string[] | null> {
  return {
    title: 'Lanterns on the Quay',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    fandoms: 'Original Work',
    characters: 'Harbour Pilot',
    freeforms: 'Fog',
    language: 'en',
    summary: 'A pilot and a fog.',
    content: 'The fog came in at dusk.\n\nThe pilot lit the lamps.',
    comment_permission: 'everyone',
    commit: 'post',
    ...overrides,
  };
}

/** Every row the posting pages could touch, to prove a refused request changed nothing. */
export async function snapshot(t: TestApp): Promise<string> {
  const tables = ['works', 'chapters', 'work_creatorships', 'work_tags', 'work_filters', 'series', 'serial_works', 'series_creatorships', 'tags'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = (await t.store.db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
  return JSON.stringify(out);
}

export function workIdOf(res: WebResponse): number {
  const match = /\/works\/(\d+)/.exec(res.location ?? '');
  if (!match) throw new Error(`no work id in ${res.status} ${res.location} ${res.body.slice(0, 400)}`);
  return Number(match[1]);
}

/** A multipart/form-data body, as a browser sends the posting form with a file. */
function multipart(fields: Record<string, string | string[]>, file: { filename: string; content: Buffer | string; type?: string } | null) {
  const boundary = `----owleryTest${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
    }
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function postMultipart(t: TestApp, client: WebClient, url: string, fields: Record<string, string | string[]>, file: Parameters<typeof multipart>[1]): Promise<WebResponse> {
  const { payload, contentType } = multipart({ _csrf: client.csrf ?? '', ...fields }, file);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': contentType } });
  return { status: res.statusCode, body: res.body, headers: res.headers, location: res.headers.location as string | undefined };
}
