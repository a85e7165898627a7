import { delimiter, sep } from 'node:path';

/** Looks a placeholder name up; `undefined` when it is not set. */
export type PropertyResolver = (name: string) => string | undefined;

/** Keycloak's resolver for realm import files: the process environment. */
export function environmentResolver(env: Record<string, string | undefined> = process.env): PropertyResolver {
  return (name) => env[name];
}

/**
 * Replaces `${NAME}` placeholders exactly as Keycloak does when it imports a realm file
 * (org.keycloak.common.util.StringPropertyReplacer):
 *  - `${NAME}` is the value of NAME; when NAME is unset the placeholder stays as written;
 *  - `${NAME:default}` falls back to `default` (everything after the first colon);
 *  - `${A,B}` / `${A,B:default}` try A, then B, then the default;
 *  - placeholders may nest (`${A:${B}}`), and a resolved value is itself resolved again;
 *  - `${/}` and `${:}` are the file and path separators; `${}` and an unclosed `${` stay as written;
 *  - scanning starts at the first `${`; after it, a `$` followed by anything but `{` is copied with
 *    that next character, unexamined (so in `${A} $${B}` the second placeholder stays as written).
 * An empty value counts as set (it replaces the placeholder with nothing).
 */
export function replaceProperties(input: string, resolve: PropertyResolver): string {
  const index = input.indexOf('${');
  if (index === -1) return input;
  return input.slice(0, index) + scan(input, index, false, resolve).text;
}

interface Scanned {
  text: string;
  end: number;
  /** A closing `}` ended the scan (only when scanning a key). */
  closed: boolean;
}

function scan(input: string, start: number, untilClosingBrace: boolean, resolve: PropertyResolver): Scanned {
  let text = '';
  let i = start;
  while (i < input.length) {
    const c = input[i++];
    if (c === '}' && untilClosingBrace) return { text, end: i, closed: true };
    if (c !== '$' || i >= input.length) {
      text += c;
      continue;
    }
    const next = input[i++];
    if (next !== '{') {
      text += c + next;
      continue;
    }
    const key = scan(input, i, true, resolve);
    i = key.end;
    if (!key.closed) {
      text += '${' + key.text;
      continue;
    }
    const value = replaceProperty(key.text, resolve);
    text += value === undefined ? '${' + key.text + '}' : replaceProperties(value, resolve);
  }
  return { text, end: i, closed: false };
}

function replaceProperty(key: string, resolve: PropertyResolver): string | undefined {
  if (key === '/') return sep;
  if (key === ':') return delimiter;
  const value = resolve(key);
  if (value !== undefined) return value;
  const colon = key.indexOf(':');
  if (colon > 0) {
    const realKey = key.slice(0, colon);
    return resolve(realKey) ?? resolveCompositeKey(realKey, resolve) ?? key.slice(colon + 1);
  }
  return resolveCompositeKey(key, resolve);
}

function resolveCompositeKey(key: string, resolve: PropertyResolver): string | undefined {
  const comma = key.indexOf(',');
  if (comma === -1) return undefined;
  let value: string | undefined;
  if (comma > 0) value = resolve(key.slice(0, comma));
  if (value === undefined && comma < key.length - 1) value = resolve(key.slice(comma + 1));
  return value;
}

/** A whole-value placeholder left unresolved, e.g. a client secret whose variable is unset. */
export function isUnresolvedPlaceholder(value: string): boolean {
  return /^\$\{[^{}]*\}$/.test(value);
}
