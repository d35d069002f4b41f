import { languageFor, roundLanguages } from '../catalogue/version-languages.js';
import { Hono } from 'hono';
import { z } from 'zod';
import { findAnswerContext } from '../answering/invitation-state.js';
import { submitAnswers } from '../answering/submit.js';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import type { AppEnv } from '../http/env.js';
import { answerApiText } from '../i18n/answering.js';
import { fill } from '../i18n/messages.js';

export const answerApi = new Hono<AppEnv>();

const bodySchema = z.object({ answers: z.unknown(), language: z.enum(LANGUAGES).optional() });
const STATUS = { unknown: 404, not_open: 409, answered: 409, closed: 409 } as const;

// POST /a/:token/submit — {answers, language} → 201 {status: "stored", day}; refusals say why and store nothing.
answerApi.post('/:token/submit', async (c) => {
  const { db, clock, catalogue, secretKey, groupCommit } = c.var.deps;
  const token = c.req.param('token');
  const body = bodySchema.safeParse(await c.req.json().catch(() => undefined));
  const context = await findAnswerContext(db, catalogue, secretKey, token);
  const requested = body.success ? body.data.language : undefined;
  const lang: Language = context ? languageFor(roundLanguages(context.network.languages, context.version), requested) : c.var.lang;
  const t = answerApiText(lang);
  if (!body.success) return c.json({ status: 'invalid', error: t.badBody }, 400);

  const result = await submitAnswers(groupCommit, clock, secretKey, context, token, body.data.answers);
  if (result.outcome === 'stored') return c.json({ status: 'stored', day: result.day, message: t.stored }, 201);
  if (result.outcome === 'refused') return c.json({ status: result.state, error: t[result.state] }, STATUS[result.state]);
  const problems = result.problems.map((problem) => ({ ...problem, message: fill(t[problem.code], problem) }));
  return c.json({ status: 'invalid', error: t.invalid, problems }, 422);
});
