// The baseline of bench/http.ts: a bare node:http server answering each captured path with the
// exact bytes Owlery sent for it (and the same content type), and nothing else.
import fs from 'node:fs';
import http from 'node:http';

const pages = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>;
const bodies = new Map(Object.entries(pages).map(([p, b64]) => [p, Buffer.from(b64, 'base64')]));
const server = http.createServer((req, res) => {
  const body = bodies.get(req.url ?? '');
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`bare listening on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
