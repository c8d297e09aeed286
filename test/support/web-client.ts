// A cookie-keeping client over app.inject(), for tests that act like a browser: it keeps the
// session and CSRF cookies, and fills in the `_csrf` token of the last page it loaded.
import type { App } from '../../src/http/app-type.ts';

export interface WebResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  location: string | undefined;
}

export class WebClient {
  readonly app: App;
  readonly cookies = new Map<string, string>();
  /** The `_csrf` value found on the last HTML page loaded. */
  csrf: string | null = null;
  /** Extra headers sent with every request (e.g. a forged Origin). */
  headers: Record<string, string> = {};

  constructor(app: App) {
    this.app = app;
  }

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(setCookie: string | string[] | number | undefined): void {
    if (setCookie === undefined || typeof setCookie === 'number') return;
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async send(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: string, contentType?: string, extra: Record<string, string> = {}): Promise<WebResponse> {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    if (contentType) headers['content-type'] = contentType;
    const res = await this.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    this.remember(res.headers['set-cookie']);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (csrf) this.csrf = csrf[1]!;
    return { status: res.statusCode, body: res.body, headers: res.headers, location: res.headers.location as string | undefined };
  }

  get(url: string): Promise<WebResponse> {
    return this.send('GET', url);
  }

  /** Posts a form, adding the CSRF token unless `_csrf` is given (or set to null to omit it). */
  post(url: string, fields: Record<string, string | string[] | null> = {}): Promise<WebResponse> {
    const form = new URLSearchParams();
    const withToken = '_csrf' in fields ? fields : { ...fields, _csrf: this.csrf };
    for (const [key, value] of Object.entries(withToken)) {
      if (value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    }
    return this.send('POST', url, form.toString(), 'application/x-www-form-urlencoded');
  }

  /** Sends JSON as a script in the page would: with the session's CSRF token in a header. */
  json(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<WebResponse> {
    const extra: Record<string, string> = this.csrf ? { 'x-csrf-token': this.csrf } : {};
    return body === undefined ? this.send(method, url, undefined, undefined, extra) : this.send(method, url, JSON.stringify(body), 'application/json', extra);
  }

  /** Follows a 303 after a form post. */
  async follow(res: WebResponse): Promise<WebResponse> {
    if (!res.location) throw new Error(`Expected a redirect, got ${res.status}: ${res.body.slice(0, 300)}`);
    return this.get(res.location);
  }

  /** Signs up through the real form and keeps the session. */
  async signUp(login: string, password = 'a sturdy passphrase here'): Promise<WebResponse> {
    await this.get('/signup');
    const res = await this.post('/signup', { login, email: `${login}@example.org`, password, password_confirmation: password });
    if (res.status !== 303) throw new Error(`sign-up failed (${res.status}): ${res.body.slice(0, 500)}`);
    return this.follow(res);
  }

  async logIn(login: string, password = 'a sturdy passphrase here'): Promise<WebResponse> {
    await this.get('/login');
    return this.post('/login', { login, password });
  }
}
