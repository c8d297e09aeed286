// Reading the posting forms. They are sent as multipart/form-data (they may carry a file and
// long texts) or, from simple clients, urlencoded; both become one field map. Multipart routes
// skip the global CSRF guard (`config: { csrf: 'manual' }`) because their body is only read here,
// so this module checks the token itself before anything is used.
import type { FastifyRequest } from 'fastify';
import type { Upload } from '../../../services/works/upload.ts';
import type { Commit } from '../../../services/works/post-work.ts';

export type FormFields = Map<string, string[]>;

export interface PostedForm {
  fields: FormFields;
  upload: Upload | null;
}

/** Route options for a form route that accepts multipart bodies and long urlencoded ones. */
export const POSTING_ROUTE = {
  config: { csrf: 'manual' as const },
  // Urlencoded chapter text percent-encodes to several times its length (500,000 characters max).
  bodyLimit: 8 * 1024 * 1024,
};

function tooLarge(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 413 });
}

function add(fields: FormFields, name: string, value: string): void {
  const list = fields.get(name);
  if (list) list.push(value);
  else fields.set(name, [value]);
}

/** Reads every field (and at most one file, from the `file` input) of a posted form. */
export async function readPostedForm(request: FastifyRequest): Promise<PostedForm> {
  const fields: FormFields = new Map();
  let upload: Upload | null = null;
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // Browsers send an empty, unnamed part when no file was chosen.
        if (part.fieldname === 'file' && part.filename && !upload) upload = { filename: part.filename, bytes: new Uint8Array(bytes) };
      } else {
        if (part.valueTruncated) throw tooLarge(`The "${part.fieldname}" field is too long.`);
        add(fields, part.fieldname, typeof part.value === 'string' ? part.value : String(part.value));
      }
    }
  } else {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) {
      for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') add(fields, name, item);
    }
  }
  return { fields, upload };
}

export function text(fields: FormFields, name: string): string {
  return fields.get(name)?.[0] ?? '';
}

export function all(fields: FormFields, name: string): string[] {
  return (fields.get(name) ?? []).filter((v) => v !== '');
}

export function flag(fields: FormFields, name: string): boolean {
  const value = fields.get(name)?.[0];
  return value !== undefined && value !== '' && value !== 'false';
}

export function commitOf(fields: FormFields): Commit {
  const value = text(fields, 'commit');
  return value === 'post' || value === 'draft' ? value : 'preview';
}

/** '' → null (unknown); anything else must be a whole number (NaN lets the service say so). */
export function optionalInt(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A YYYY-MM-DD date input; an invalid one becomes an invalid Date for the service to report. */
export function optionalDate(value: string): Date | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return new Date(Number.NaN);
  const date = new Date(`${trimmed}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === trimmed ? date : new Date(Number.NaN);
}

export function ids(values: readonly string[]): number[] {
  return values.map((v) => (/^\d{1,10}$/.test(v) ? Number(v) : -1));
}
