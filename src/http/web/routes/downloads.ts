// Downloads, at AO3's path /downloads/:id/:slug.:format (DESIGN.md "Pages"); any slug works. The
// policy is the work page's: drafts are not found except by their creators, guests are sent to
// log in for restricted works, anonymous creators stay hidden (services/downloads.ts). Building a
// file is heavy, so each address may ask for a twentieth of the site-wide request limit per minute
// (30 at the default OWLERY_RATE_LIMIT of 600).
//
// A whole series is one book at /downloads/series/:id/:slug.:format, beside the works' downloads:
// the works of the series the reader may see, as the series page lists them (services/downloads.ts
// downloadSeries), with the same headers and the same per-address limit.
//
// PDF, MOBI and AZW3 need Calibre; without it the answer is 422 with a message saying so (the
// typed errors have no "unavailable", and the request is one this server cannot fulfil as asked).
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { downloadSeries, downloadWork, type Download } from '../../../services/downloads.ts';
import { Id } from './params.ts';

const DownloadParams = Type.Object({
  id: Id,
  slug: Type.String({ maxLength: 500 }),
  format: Type.String({ maxLength: 16 }),
});

export function downloadsPerMinute(siteWidePerMinute: number): number {
  return Math.max(1, Math.floor(siteWidePerMinute / 20));
}

export async function registerDownloadRoutes(app: App): Promise<void> {
  const cacheDir = path.join(app.owlery.config.dataDir, 'cache', 'downloads');
  // A fresh object per route: each route keeps its own count (@fastify/rate-limit), of the same size.
  const options = () => ({
    schema: { params: DownloadParams },
    config: { rateLimit: { max: downloadsPerMinute(app.owlery.config.rateLimitPerMinute), timeWindow: '1 minute' } },
  });
  app.get('/downloads/:id/:slug.:format', options(), async (request, reply) => {
    const download = await downloadWork(request.ctx, request.params.id, request.params.format, { cacheDir });
    if (download.cacheError) request.log.warn({ err: download.cacheError }, 'a download was built but could not be cached');
    return send(reply, download);
  });
  app.get('/downloads/series/:id/:slug.:format', options(), async (request, reply) => {
    const download = await downloadSeries(request.ctx, request.params.id, request.params.format, { cacheDir });
    if (download.cacheError) request.log.warn({ err: download.cacheError }, 'a series download was built but could not be cached');
    return send(reply, download);
  });
}

function send(reply: FastifyReply, download: Download): FastifyReply {
  return reply
    .header('content-type', download.contentType)
    .header('content-disposition', download.disposition)
    // Restricted works and creators' drafts must not sit in shared caches.
    .header('cache-control', 'private, no-cache')
    .send(Buffer.from(download.bytes.buffer, download.bytes.byteOffset, download.bytes.byteLength));
}
