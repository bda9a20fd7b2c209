/**
 * A tagged template for server-rendered HTML: every interpolated value is escaped unless it is
 * explicitly marked as already-safe markup (sanitized bodies, other fragments built with `html`).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export class SafeHtml {
  constructor(readonly value: string) {}

  toString() {
    return this.value;
  }
}

export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Marks a string that is already safe HTML (sanitized Markdown output). */
export const trusted = (value: string) => new SafeHtml(value);

type Value = SafeHtml | string | number | null | undefined | false | Value[];

const render = (value: Value): string => {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(value);
};

export const html = (strings: TemplateStringsArray, ...values: Value[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
