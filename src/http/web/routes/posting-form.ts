// Reading the posting forms. They are sent as multipart/form-data (they may carry a file and
// long texts) or, from simple clients, urlencoded; both become one field map. Multipart routes
// skip the global CSRF guard (`config: { csrf: 'manual' }`) because their body is only read here,
// so this module checks the token itself before anything is used.
//
// Nothing is read for a guest: POSTING_ROUTE's preParsing hook sends them to log in before the
// body parser runs. A writer's body is read within limits that bound the memory one request can
// take: the text fields together (TOTAL_TEXT_BYTES), each one (FIELD_BYTES), how many there are
// (FIELDS_MAX), and one file only where the form has a file input. Anything over a limit ends the
// request the way Fastify's own body limit does (lib/content-type-parser.js): the rest of the body
// is left unread and the connection closed after the answer.
import type { FastifyReply, FastifyRequest, preParsingHookHandler } from 'fastify';
import { MAX_IMPORT_BYTES } from '../../../formats/import/index.ts';
import { LIMITS } from '../../../domain/work-rules.ts';
import { Unauthenticated } from '../../../domain/errors.ts';
import { MAX_PSEUDS } from '../../../services/accounts/pseuds.ts';
import type { Upload } from '../../../services/works/upload.ts';
import type { Commit } from '../../../services/works/post-work.ts';
import { CSRF_FIELD, verifyCsrf } from '../../session.ts';
import { loginRedirect } from '../forms.ts';

export type FormFields = Map<string, string[]>;

export interface PostedForm {
  fields: FormFields;
  upload: Upload | null;
}

const MB = 1024 * 1024;
/** One field: a chapter's text (500,000 characters, up to 4 bytes each in UTF-8) and some room. */
const FIELD_BYTES = LIMITS.chapterContentMax * 4 + 64 * 1024;
/**
 * All text fields of one form together. The longest real form holds one chapter text (≤ 2 MB)
 * plus notes, summary and tags in the kilobytes, so 8 MB is generous; without this total, the
 * parser's per-field limit times the field count let one request fill hundreds of megabytes.
 */
const TOTAL_TEXT_BYTES = 8 * MB;
/** How many series a work can be taken out of in one edit (one checkbox each). */
const SERIES_LEFT_AT_ONCE = 20;
/**
 * Fields the work form can send (views/posting-form.ts; counted by posting-limits.test.ts): 37
 * controls, counting the 6 warning and 6 category checkboxes one by one, plus one checkbox per
 * pseud the writer credits (up to MAX_PSEUDS) and per series the work leaves. The chapter form
 * sends 8. A little margin for controls added later.
 */
const FIELDS_MAX = 40 + MAX_PSEUDS + SERIES_LEFT_AT_ONCE;

export const POSTING_LIMITS = { fieldBytes: FIELD_BYTES, totalTextBytes: TOTAL_TEXT_BYTES, fields: FIELDS_MAX, seriesLeftAtOnce: SERIES_LEFT_AT_ONCE } as const;

/** For `@fastify/multipart`'s registration: the parser enforces these per request. */
export const MULTIPART_LIMITS = {
  fileSize: MAX_IMPORT_BYTES,
  files: 1,
  fieldSize: FIELD_BYTES,
  fields: FIELDS_MAX,
  parts: FIELDS_MAX + 1,
  headerPairs: 100,
} as const;

/** Multipart framing: boundaries and part headers, a few hundred bytes per part at most. */
const FRAMING_BYTES = (FIELDS_MAX + 1) * 512;

/** preParsing hook: guests are sent to log in before a byte of the body is read. */
const guestsToLogin: preParsingHookHandler = (request, reply, _payload, done) => {
  // Replying without calling done() ends the request here (Fastify, "Respond to a request from
  // a hook"); the unread body is discarded by Node when the response ends.
  if (request.ctx.actor.kind !== 'user') {
    loginRedirect(request, reply);
    return;
  }
  done();
};

/** Route options for a form route that accepts multipart bodies and long urlencoded ones. */
export const POSTING_ROUTE = {
  config: { csrf: 'manual' as const },
  // Urlencoded chapter text percent-encodes to several times its length (500,000 characters max).
  bodyLimit: TOTAL_TEXT_BYTES,
  preParsing: guestsToLogin,
};

function tooLarge(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 413 });
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400 });
}

function add(fields: FormFields, name: string, value: string): void {
  const list = fields.get(name);
  if (list) list.push(value);
  else fields.set(name, [value]);
}

/**
 * Stops reading a multipart body part-way: the parser is cut off (unpipe also pauses the request,
 * so nothing more is read) and the connection closes once the answer is sent, which is how
 * Node's server ends a request whose body it will not read.
 */
function abandonBody(request: FastifyRequest, reply: FastifyReply): void {
  request.raw.unpipe();
  reply.header('connection', 'close');
}

/** The multipart parser's own limit errors, in words a writer can act on. */
function plainError(error: unknown): unknown {
  switch ((error as { code?: string } | null)?.code) {
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return tooLarge('The form sent more fields than it has. Reload the page and try again.');
    case 'FST_FILES_LIMIT':
      return tooLarge('Send one file at a time.');
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(`The file is larger than the ${Math.round(MAX_IMPORT_BYTES / MB)} MB limit.`);
    default:
      return error;
  }
}

export interface ReadOptions {
  /** Whether this form has the file input (`name="file"`): the new-work form only. */
  upload: boolean;
}

/**
 * Reads every field (and, where the form has one, the file from the `file` input) of a posted
 * form, and checks its CSRF token. Routes using it must use POSTING_ROUTE, which keeps guests out.
 */
export async function readPostedForm(request: FastifyRequest, reply: FastifyReply, options: ReadOptions): Promise<PostedForm> {
  // POSTING_ROUTE's hook has answered guests already; this keeps a route without it safe.
  if (request.ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to post.');
  const fields: FormFields = new Map();
  let upload: Upload | null = null;
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) {
      for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') add(fields, name, item);
    }
    verifyCsrf(request, fields.get(CSRF_FIELD)?.[0]);
    return { fields, upload };
  }

  const declared = Number(request.headers['content-length']);
  if (declared > TOTAL_TEXT_BYTES + (options.upload ? MAX_IMPORT_BYTES : 0) + FRAMING_BYTES) {
    // Nothing has been read: closing the connection after the answer is enough.
    reply.header('connection', 'close');
    throw tooLarge('The form is too large to post.');
  }
  let textBytes = 0;
  let tokenChecked = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // A browser sends the file input's part even when no file was chosen: no name, no bytes.
        const wanted = options.upload && part.fieldname === 'file' && upload === null;
        if (!wanted) throw badRequest(`This form does not take ${part.fieldname === 'file' ? 'a' : 'this'} file ("${part.fieldname}").`);
        if (!part.filename) {
          for await (const chunk of part.file as AsyncIterable<Buffer>) {
            if (chunk.length > 0) throw badRequest('The file input sent data without a file name.');
          }
          continue;
        }
        upload = { filename: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
        continue;
      }
      if (part.valueTruncated) throw tooLarge(`The "${part.fieldname}" field is too long.`);
      const value = typeof part.value === 'string' ? part.value : String(part.value);
      textBytes += Buffer.byteLength(value) + Buffer.byteLength(part.fieldname);
      if (textBytes > TOTAL_TEXT_BYTES) throw tooLarge(`The form is too large to post: its text is limited to ${TOTAL_TEXT_BYTES / MB} MB.`);
      // Forms put the token first, so a forged one is refused before the rest is read.
      if (part.fieldname === CSRF_FIELD && !tokenChecked) {
        verifyCsrf(request, value);
        tokenChecked = true;
      }
      add(fields, part.fieldname, value);
    }
  } catch (error) {
    abandonBody(request, reply);
    throw plainError(error);
  }
  if (!tokenChecked) verifyCsrf(request, undefined);
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
