// Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1). An EPUB's dc:identifier must stay the same
// across downloads of the same work, so readers update the book instead of adding a copy; the
// name is the work's URL, in the URL namespace, so two archives never share identifiers.
import { createHash } from 'node:crypto';

/** The URL namespace (RFC 9562 §6.6). */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

export function uuidV5(name: string, namespace: string = URL_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
