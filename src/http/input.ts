import type { z } from 'zod';
import type { PageContext } from './env.js';
import { DomainError, InvalidInputError } from './errors.js';
import { commonText } from '../i18n/common.js';

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
