// Structured request logs that never carry secrets: cookies and authorization headers are not
// logged at all, and tokens in paths (the setup link) are masked.
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

// Paths and query parameters that carry one-time secrets (setup link, reset link, invitation).
const SECRET_PATHS = [/^(\/setup\/)[^/?#]+/, /^(\/password\/reset\/)[^/?#]+/, /([?&]invitation=)[^&#]+/];

export function redactUrl(url: string): string {
  let out = url;
  for (const pattern of SECRET_PATHS) out = out.replace(pattern, '$1[redacted]');
  return out;
}

export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req(request: { method: string; url: string; ip?: string; id?: string; headers?: Record<string, unknown> }) {
        return { id: request.id, method: request.method, url: redactUrl(request.url), ip: request.ip };
      },
    },
  };
}
