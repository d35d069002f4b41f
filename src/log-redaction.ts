/*
 * Everything a log line carries passes through here, so no caller can leak a
 * secret link by logging an error message, a stack or a URL.
 */

/** Routes whose first segment after the prefix is a secret token: answer, report, setup, reset and join links. */
const SECRET_LINK = /\/(a|r|setup|reset|join)\/[^/?#\s"'<>()[\]{},;]+/g;

/** A run of URL-safe characters as long as our shortest token (22, see accounts/tokens.ts). */
const TOKEN_LIKE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22,}(?![A-Za-z0-9_-])/g;
/** The request id (a UUID) is meant to be read, and is no link. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/*
 * drizzle's DrizzleQueryError puts the query's parameters into its message
 * ("Failed query: …\nparams: …"): the answers of a failing submission. The
 * query stays (it helps), the parameters go.
 */
const QUERY_PARAMS = /^params: .*$/gm;

/** A token-like word is random text: it has a digit, or both upper and lower case; plain words and snake_case names stay. */
function looksRandom(word: string): boolean {
  return !UUID.test(word) && (/\d/.test(word) || (/[a-z]/.test(word) && /[A-Z]/.test(word)));
}

export function redactSecrets(text: string): string {
  return text
    .replace(QUERY_PARAMS, 'params: (not logged)')
    .replace(SECRET_LINK, '/$1/:token')
    .replace(TOKEN_LIKE, (word) => (looksRandom(word) ? ':token' : word));
}

/** Error objects become their stack (with causes), since JSON would drop them to {}. */
function errorText(error: Error): string {
  const own = error.stack ?? `${error.name}: ${error.message}`;
  return error.cause === undefined ? own : `${own}\ncaused by: ${error.cause instanceof Error ? errorText(error.cause) : String(error.cause)}`;
}

/** A stack with its causes fits; a failing query's SQL with thousands of placeholders (~200 KB) does not. */
export const MAX_ERROR_CHARS = 8_000;

/** Cut after redaction, so a cut never shortens a token below what the redaction recognises. */
function capped(text: string): string {
  return text.length <= MAX_ERROR_CHARS ? text : `${text.slice(0, MAX_ERROR_CHARS)}… (${text.length - MAX_ERROR_CHARS} characters more)`;
}

/** Every string in a log field, keys included, at any depth. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) return capped(redactSecrets(errorText(value)));
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [redactSecrets(key), redactValue(v)]));
  }
  return value;
}
