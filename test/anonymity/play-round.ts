/*
 * A round played the way members and a coordinator play it, through the HTTP
 * routes only: a roster, invitations over real SMTP, answers spread over days
 * with reminders between them and one burst, then closing. Copies of the
 * database files are taken at several moments, as an attacker would get them.
 * The ground truth (who answered what, when, who was reminded) stays here.
 * The round is a rules round or a choosing round (see RoundKind); only what
 * makes the round and what each member answers differ, the flow is one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { createSession } from '../../src/accounts/sessions.js';
import { backupDatabase } from '../../src/db/backup.js';
import type { OrganisationType } from '../../src/db/schema/members.js';
import type { Language } from '../../src/db/schema/networks.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { fullAnswers, submit } from '../answering/fixture.js';
import { createTestApp, fixedClock } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson } from '../helpers/people.js';
import { receivedMail, type SmtpSink } from '../helpers/smtp-sink.js';
import { FROM, LINK, START, roundBody } from '../rounds/fixture.js';
import { copyFiles, type FileCopy } from './file-copies.js';

export type TrueMember = {
  memberId: number;
  email: string;
  language: Language;
  organisationType: OrganisationType;
  token: string;
  /** Known only to the test: it tells which stored response is whose. An attack must not read it. */
  nonce: string;
  /** Position in the order of answering, or null for a member who never answers. */
  answeredAs: number | null;
  reminded: number;
};

/** Every cell of language and organisation type holds at least five who answer, so those alone single no one out. */
const ROSTER: Array<{ language: Language; organisationType: OrganisationType; count: number; silent: number }> = [
  { language: 'fi', organisationType: 'comprehensive_school', count: 8, silent: 1 },
  { language: 'fi', organisationType: 'vocational', count: 6, silent: 0 },
  { language: 'sv', organisationType: 'comprehensive_school', count: 6, silent: 1 },
  { language: 'en', organisationType: 'upper_secondary', count: 6, silent: 0 },
];

const HOUR = 3_600_000;

/** A seeded shuffle, so that a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const recipientOf = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined);

export type PlayedRound = {
  kind: RoundKind;
  members: TrueMember[];
  /** Every answer link mailed in the play, the choosing round's rules round's too. */
  links: string[];
  copies: FileCopy[];
  answersBy: (nonceCarrier: string) => TrueMember | undefined;
  dispose: () => void;
};

/**
 * Which questionnaire the members answer: a rules round, or a choosing round
 * (prioritisation) made through the prioritisation route from a rules round
 * closed a week before. The members' nonces are only in the round played.
 */
export type RoundKind = 'rules' | 'choosing';

/** The database was closed on purpose already; closing it again may throw. */
function disposeQuietly(database: { dispose: () => void; dir: string }) {
  try {
    database.dispose();
  } catch {
    rmSync(database.dir, { recursive: true, force: true });
  }
}

const DAY = 24 * HOUR;
/** The choosing round's rules round runs the week before; the round played always opens at START. */
const WEEK_BEFORE = new Date(new Date(START).getTime() - 7 * DAY).toISOString();

/** The n-th of the rankings of one to three of `proposals` (the rankings of three first): a different one for each member while there are enough. */
export function nthRanking(proposals: string[], n: number): string[] {
  const all: string[][] = [];
  const extend = (prefix: string[]) => {
    if (prefix.length > 0) all.push(prefix);
    if (prefix.length < 3) for (const p of proposals) if (!prefix.includes(p)) extend([...prefix, p]);
  };
  extend([]);
  all.sort((a, b) => b.length - a.length);
  return all[n % all.length]!;
}

type Caller = (method: string, path: string, body?: unknown) => Promise<any>;

/** The round the members answer, made and ready to open, and how a member answers it. */
type Questionnaire = {
  create: () => Promise<number>;
  answerOf: (m: TrueMember, index: number) => { answers: Record<string, unknown>; language: Language };
};

export async function playRound(sink: SmtpSink, options: { seed?: number; kind?: RoundKind } = {}): Promise<PlayedRound> {
  const { seed = 1, kind = 'rules' } = options;
  const clock = fixedClock(kind === 'choosing' ? WEEK_BEFORE : START);
  const t = await createTestApp({ clock, mailer: createSmtpMailer(sink.url, FROM) });
  const dbPath = t.database.url.slice('file:'.length);
  const copiesDir = join(t.database.dir, 'copies');
  mkdirSync(copiesDir);
  const people = await networkWithPeople(t);
  // Sessions time out while the clock jumps days ahead: the coordinator signs in again each time.
  let session = { at: '', user: people.coordinator };
  const coordinator = async () => {
    if (session.at !== clock.now().toISOString()) {
      const { token, csrfToken } = await createSession(t.deps.db, clock, t.deps.secretKey, people.coordinator.userId);
      session = { at: clock.now().toISOString(), user: { ...people.coordinator, cookie: `vp_session=${token}`, csrf: csrfToken } };
    }
    return session.user;
  };
  const call: Caller = async (method, path, body) => {
    const response = await t.app.request(`/api/networks/${people.network.id}${path}`, sendJson(await coordinator(), method, body));
    const json = await response.json();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  const members: TrueMember[] = [];
  for (const cell of ROSTER) {
    for (let i = 0; i < cell.count; i++) {
      const email = `${cell.language}.${cell.organisationType}.${i}@jasen.example`;
      const { member } = await call('POST', '/members', { name: `Jäsen ${members.length}`, email, organisation: 'Koulu', organisationType: cell.organisationType, language: cell.language });
      members.push({ memberId: member.id, email, language: cell.language, organisationType: cell.organisationType, token: '', nonce: randomBytes(6).toString('hex'), answeredAs: i < cell.silent ? null : -1, reminded: 0 });
    }
  }
  const byEmail = new Map(members.map((m) => [m.email, m]));
  const links: string[] = [];
  let mailSeen = 0;
  const collectMail = async (expected: number) => {
    // The request sends the first batch; the scheduler's run, as in the server, sends the rest.
    await runDueWork(t.deps);
    // Mail to others (the leaders' digest after a close) comes between; only the members' is counted.
    let mails: ParsedMail[] = [];
    for (let wanted = expected; wanted > 0; wanted = expected - mails.length) {
      const next = (await receivedMail(sink, mailSeen + wanted)).slice(mailSeen);
      mailSeen += wanted;
      mails = [...mails, ...next.filter((mail) => byEmail.has(recipientOf(mail) ?? ''))];
    }
    for (const mail of mails) {
      const member = byEmail.get(recipientOf(mail)!)!;
      const link = LINK.exec(mail.text ?? '');
      if (!link) throw new Error(`mail without an answer link: ${mail.subject} to ${member.email}`);
      member.token = link[1]!;
      links.push(member.token);
      if (!/^(Kutsu|Inbjudan|Invitation)/.test(mail.subject ?? '')) member.reminded++;
    }
  };

  const rulesVersion = t.deps.catalogue.find('network-rules', 1)!;
  /** A rules round's answer: its background answers the member's, its comment carrying `mark`. */
  const rulesAnswer = (m: TrueMember, index: number, mark: string) => {
    const answers = fullAnswers(rulesVersion, index);
    answers.organisation_type = m.organisationType;
    delete answers.role;
    answers.r1_comment = `Palaute ${mark}`;
    return { answers, language: m.language };
  };
  const submitted = async (token: string, body: unknown) => {
    const response = await submit(t, token, body);
    if (response.status !== 201) throw new Error(`answer not stored: ${response.status} ${await response.text()}`);
  };

  const questionnaires: Record<RoundKind, () => Questionnaire> = {
    rules: () => ({
      create: async () => (await call('POST', '/rounds', roundBody())).round.id,
      answerOf: (m, index) => rulesAnswer(m, index, m.nonce),
    }),
    choosing: () => {
      let proposals: string[] = [];
      return {
        create: async () => {
          // The week before: a rules round that every fifth member answers (no nonce: it is not the round attacked), closed with results.
          const { round: rules } = await call('POST', '/rounds', roundBody({ title: 'Syksy 2025', opensAt: '2026-02-23T12:00', closesAt: '2026-03-01T16:00', reminderDays: [] }));
          await call('POST', `/rounds/${rules.id}/open`);
          await call('POST', `/rounds/${rules.id}/invite`);
          await collectMail(members.length);
          clock.advance(HOUR);
          for (const [i, m] of members.entries()) if (i % 5 === 0) await submitted(m.token, rulesAnswer(m, i, 'edellinen kierros'));
          clock.advance(DAY);
          await call('POST', `/rounds/${rules.id}/close`);
          // On START, the coordinator puts the rules round's proposals and two of their own to the members, through the page's form.
          clock.set(START);
          const base = `/networks/${people.network.id}/agenda/prioritise`;
          const user = await coordinator();
          const form = await (await t.app.request(`${base}?round=${rules.id}`, { headers: { cookie: user.cookie } })).text();
          const suggested = [...form.matchAll(/name="proposal" value="([^"]+)"/g)].map((match) => match[1]!);
          if (suggested.length === 0) throw new Error('the rules round suggests no proposal');
          const fields = {
            round: String(rules.id),
            proposal: suggested,
            own_fi: 'Yhteinen koulutuspäivä\nMentorointi',
            own_sv: 'Gemensam utbildningsdag\nMentorskap',
            own_en: 'A shared training day\nMentoring',
            method: 'rank',
            title: 'Mitä kehitetään keväällä?',
            opensAt: '2026-03-02T12:00',
            closesAt: '2026-03-16T16:00',
            reminderDays: '3',
          };
          const created = await t.app.request(base, postForm(user, fields));
          if (created.status !== 303) throw new Error(`choosing round not created: ${created.status} ${await created.text()}`);
          proposals = [...suggested, 'own-1', 'own-2'];
          return Number(/rounds\/(\d+)/.exec(created.headers.get('location')!)![1]);
        },
        // A ranking of its own for each member, and a comment that carries the nonce.
        answerOf: (m, index) => ({ answers: { priorities: nthRanking(proposals, index), priorities_comment: `Ehdotus ${m.nonce}` }, language: m.language }),
      };
    },
  };
  const questionnaire = questionnaires[kind]();
  const roundId = await questionnaire.create();
  await call('POST', `/rounds/${roundId}/open`);
  await call('POST', `/rounds/${roundId}/invite`);
  await collectMail(members.length);

  let answered = 0;
  const answer = async (m: TrueMember) => {
    m.answeredAs = answered++;
    await submitted(m.token, questionnaire.answerOf(m, members.indexOf(m)));
  };
  const queue = shuffled(members.filter((m) => m.answeredAs !== null), seed);
  const take = (n: number) => queue.splice(0, n);
  const copies: FileCopy[] = [];
  const copy = (name: string) => copies.push(copyFiles(dbPath, join(copiesDir, name), name));
  // The service does not say how many it reminded; the ground truth does: everyone who has not answered yet.
  const remind = async () => {
    await call('POST', `/rounds/${roundId}/remind`);
    await collectMail(members.filter((m) => m.answeredAs === null || m.answeredAs === -1).length);
  };

  // Day 1: singles, half an hour to an hour apart.
  for (const m of take(6)) clock.advance(37 * 60_000), await answer(m);
  copy('open-early');
  // Day 2: a reminder, then singles spread over the day.
  clock.set('2026-03-03T10:00:00.000Z');
  await remind();
  for (const m of take(5)) clock.advance(2 * HOUR), await answer(m);
  // Day 3: a burst, all at the same moment.
  clock.set('2026-03-04T11:00:00.000Z');
  await Promise.all(take(8).map((m) => answer(m)));
  // Day 4, 25 h after the last reminder: another reminder, then the rest.
  clock.set('2026-03-05T11:00:00.000Z');
  await remind();
  for (const m of take(5)) clock.advance(HOUR + 13 * 60_000), await answer(m);
  copy('open');

  clock.set('2026-03-06T08:00:00.000Z');
  await call('POST', `/rounds/${roundId}/close`);
  copy('closed');
  const backup = join(copiesDir, 'backup.db');
  await backupDatabase(t.database, backup);
  copies.push(copyFiles(backup, join(copiesDir, 'backup'), 'backup'));
  t.database.close();
  copy('closed-clean');

  const answersBy = (carrier: string) => members.find((m) => carrier.includes(m.nonce));
  return { kind, members, links, copies, answersBy, dispose: () => disposeQuietly(t.database) };
}
