import { languageFor, roundLanguages } from '../catalogue/version-languages.js';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { findAnswerContext, linkState, type AnswerContext } from '../answering/invitation-state.js';
import type { Db } from '../db/client.js';
import { LANGUAGES, networkRoles, users, type Language } from '../db/schema/index.js';
import type { AppEnv } from '../http/env.js';
import { answerPageText, formatDay } from '../i18n/answer-page.js';
import { isLanguage } from '../i18n/language.js';
import { fill } from '../i18n/messages.js';
import { formatDateTime } from '../mail/format-date.js';
import { OpenPage } from '../views/answer/open-page.js';
import { StatePage, type StateCopy } from '../views/answer/state-page.js';
import { roundThreshold } from '../rounds/threshold.js';
import { titleIn } from '../rounds/round-title.js';
import { surveyForRound } from '../answering/served-survey.js';
import { noticePath } from '../privacy/notice-link.js';
import { isPublished } from '../privacy/notices.js';

export const answerPage = new Hono<AppEnv>();

/** ?lang= when the round offers it, then the member's own language, then the round's first. */
function answerLanguage(context: AnswerContext, asked: string | undefined): Language {
  const offered = roundLanguages(context.network.languages, context.version);
  return isLanguage(asked) && offered.includes(asked) ? asked : languageFor(offered, context.memberLanguage);
}

async function coordinatorNames(db: Db, networkId: number): Promise<string[]> {
  const rows = await db
    .select({ name: users.name })
    .from(networkRoles)
    .innerJoin(users, eq(users.id, networkRoles.userId))
    .where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.role, 'coordinator')))
    .orderBy(asc(users.name));
  return rows.map((row) => row.name);
}

/** What a member can be told about a link that cannot be answered now: this round's own dates, nothing else. */
function stateCopy(context: AnswerContext, state: 'not_open' | 'answered' | 'closed', lang: Language, now: Date): StateCopy {
  const t = answerPageText(lang);
  const { round, network, version } = context;
  const base = { state, context: `${network.name} · ${version.title[lang]}` };
  if (state === 'answered') {
    const day = context.answeredOn ? [fill(t.answeredDay, { day: formatDay(context.answeredOn, lang) })] : [];
    return { ...base, paragraphs: [...day, t.cannotChange] };
  }
  if (state === 'closed') {
    const ended = round.closedAt && round.closedAt < round.closesAt ? round.closedAt : round.closesAt;
    return { ...base, paragraphs: [fill(t.closedBody, { date: formatDateTime(new Date(ended), lang) })] };
  }
  // A round still in draft may have an opening time already past; then no date is promised.
  const opens = new Date(round.opensAt);
  return { ...base, paragraphs: [opens > now ? fill(t.notOpenOn, { date: formatDateTime(opens, lang) }) : t.notOpenLater] };
}

// GET /a/:token — the answer page of an open round, or a page that says why the link cannot be answered now.
answerPage.get('/:token', async (c) => {
  const { db, catalogue, secretKey, clock } = c.var.deps;
  // A secret link's page must not be kept by a browser or a proxy: the next visit has to see the current state.
  c.header('Cache-Control', 'no-store');
  const path = c.req.path;
  const now = clock.now();
  const context = await findAnswerContext(db, catalogue, secretKey, c.req.param('token'));
  const state = linkState(context, now);
  if (!context || state === 'unknown') {
    const copy: StateCopy = { state: 'unknown', paragraphs: [answerPageText(c.var.lang).unknownBody] };
    return c.html(<StatePage lang={c.var.lang} languages={LANGUAGES} path={path} copy={copy} />, 404);
  }

  const lang = answerLanguage(context, c.req.query('lang'));
  const languages = roundLanguages(context.network.languages, context.version);
  if (state !== 'open') return c.html(<StatePage lang={lang} languages={languages} path={path} copy={stateCopy(context, state, lang, now)} />);

  const { network, round, version } = context;
  const facts = {
    title: version.title[lang],
    description: version.description?.[lang] ?? null,
    networkName: network.name,
    roundTitle: titleIn(round, lang),
    coordinators: await coordinatorNames(db, network.id),
    estimatedMinutes: version.estimatedMinutes,
    closesAt: round.closesAt,
    anonymityThreshold: roundThreshold(round, network),
    privacyNotice: isPublished(network.privacyNotice) ? `${noticePath(secretKey, network.id)}?lang=${lang}` : null,
  };
  return c.html(<OpenPage lang={lang} languages={languages} path={path} facts={facts} surveyJson={surveyForRound(version.json, round.collectSegments)} />);
});
