// Escape-by-default HTML templates. Every interpolated value is escaped unless it is SafeHtml,
// which only `html` itself and `raw()` produce; `raw()` is for HTML that went through the
// sanitizer (formats/sanitize.ts) and nothing else.
import { escapeHtml } from '../../domain/escape-html.ts';

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}


type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks already-sanitized HTML as safe. Only pass the sanitizer's output. */
export function raw(sanitized: string): SafeHtml {
  return new SafeHtml(sanitized);
}

export function join(parts: readonly SafeHtml[], separator: SafeHtml | string = ''): SafeHtml {
  return new SafeHtml(parts.map((p) => p.value).join(render(separator)));
}
