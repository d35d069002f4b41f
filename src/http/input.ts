import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv, PageContext } from './env.js';
import { DomainError, InvalidInputError } from './errors.js';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';

const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;
/** Our deepest input (answers → matrix question → row) nests three levels; anything much deeper only feeds recursion further in. */
export const MAX_JSON_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion so a hostile depth cannot overflow the stack here. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Every write's body is read here once, before the CSRF check and the routes,
 * which then read hono's cached copy: a body that does not parse as the form
 * its type claims, or JSON nested deeper than any input of ours, is a 400 that
 * says so instead of an exception deep in a route. Syntax errors in JSON stay
 * for the routes, whose messages name what they expected.
 */
export const refuseUnreadableBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.raw.body) {
    const t = commonText(c.var.lang);
    if (FORM_TYPE.test(c.req.header('content-type') ?? '')) {
      await c.req.parseBody().catch(() => {
        throw new DomainError(t.badForm, 400);
      });
    } else {
      const text = await c.req.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (depthOf(parsed) > MAX_JSON_DEPTH) throw new DomainError(fill(t.tooDeep, { max: MAX_JSON_DEPTH }), 400);
    }
  }
  await next();
};

export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string>; values: Record<string, unknown> };

/** The request's fields, from a form or a JSON body; a repeated form field becomes an array. */
export async function readInput(c: PageContext): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/json')) {
    const body = await c.req.json().catch(() => {
      throw new DomainError(commonText(c.var.lang).badJson, 400);
    });
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DomainError(commonText(c.var.lang).badJson, 400);
    return body as Record<string, unknown>;
  }
  const form = await c.req.parseBody({ all: true });
  const { _csrf, ...fields } = form;
  return fields;
}

/** One message per field, keyed by the field's name. */
export function parseInput<S extends z.ZodType>(schema: S, values: Record<string, unknown>): Parsed<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
  return { ok: false, fields, values };
}

/** For the JSON API: valid data, or a 422 with the field messages. */
export function requireValid<S extends z.ZodType>(schema: S, values: Record<string, unknown>, message: string): z.output<S> {
  const parsed = parseInput(schema, values);
  if (!parsed.ok) throw new InvalidInputError(message, parsed.fields);
  return parsed.data;
}
