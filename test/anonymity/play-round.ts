/*
 * A round played the way members and a coordinator play it, through the HTTP
 * routes only: a roster, invitations over real SMTP, answers spread over days
 * with reminders between them and one burst, then closing. Copies of the
 * database files are taken at several moments, as an attacker would get them.
 * The ground truth (who answered what, when, who was reminded) stays here.
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
import { networkWithPeople, sendJson } from '../helpers/people.js';
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

export type PlayedRound = { members: TrueMember[]; copies: FileCopy[]; answersBy: (nonceCarrier: string) => TrueMember | undefined; dispose: () => void };

/** The database was closed on purpose already; closing it again may throw. */
function disposeQuietly(database: { dispose: () => void; dir: string }) {
  try {
    database.dispose();
  } catch {
    rmSync(database.dir, { recursive: true, force: true });
  }
}

export async function playRound(sink: SmtpSink, seed = 1): Promise<PlayedRound> {
  const clock = fixedClock(START);
  const t = await createTestApp({ clock, mailer: createSmtpMailer(sink.url, FROM) });
  const dbPath = t.database.url.slice('file:'.length);
  const copiesDir = join(t.database.dir, 'copies');
  mkdirSync(copiesDir);
  const people = await networkWithPeople(t);
  // Sessions time out while the clock jumps days ahead: the coordinator signs in again each time.
  let session = { at: '', user: people.coordinator };
  const call = async (method: string, path: string, body?: unknown) => {
    if (session.at !== clock.now().toISOString()) {
      const { token, csrfToken } = await createSession(t.deps.db, clock, t.deps.secretKey, people.coordinator.userId);
      session = { at: clock.now().toISOString(), user: { ...people.coordinator, cookie: `vp_session=${token}`, csrf: csrfToken } };
    }
    const response = await t.app.request(`/api/networks/${people.network.id}${path}`, sendJson(session.user, method, body));
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
  const { round } = await call('POST', '/rounds', roundBody());
  await call('POST', `/rounds/${round.id}/open`);
  const byEmail = new Map(members.map((m) => [m.email, m]));
  let mailSeen = 0;
  const collectMail = async (expected: number) => {
    // The request sends the first batch; the scheduler's run, as in the server, sends the rest.
    await runDueWork(t.deps);
    const mails = (await receivedMail(sink, mailSeen + expected)).slice(mailSeen);
    mailSeen += expected;
    for (const mail of mails) {
      const member = byEmail.get(recipientOf(mail) ?? '')!;
      member.token = LINK.exec(mail.text ?? '')![1]!;
      if (!/^(Kutsu|Inbjudan|Invitation)/.test(mail.subject ?? '')) member.reminded++;
    }
  };
  await call('POST', `/rounds/${round.id}/invite`);
  await collectMail(members.length);

  const version = t.deps.catalogue.find('network-rules', 1)!;
  const answerOf = (m: TrueMember) => {
    const answers = fullAnswers(version, members.indexOf(m));
    answers.organisation_type = m.organisationType;
    delete answers.role;
    answers.r1_comment = `Palaute ${m.nonce}`;
    return { answers, language: m.language };
  };
  let answered = 0;
  const answer = async (m: TrueMember) => {
    m.answeredAs = answered++;
    const response = await submit(t, m.token, answerOf(m));
    if (response.status !== 201) throw new Error(`answer not stored: ${response.status} ${await response.text()}`);
  };
  const queue = shuffled(members.filter((m) => m.answeredAs !== null), seed);
  const take = (n: number) => queue.splice(0, n);
  const copies: FileCopy[] = [];
  const copy = (name: string) => copies.push(copyFiles(dbPath, join(copiesDir, name), name));
  // The service does not say how many it reminded; the ground truth does: everyone who has not answered yet.
  const remind = async () => {
    await call('POST', `/rounds/${round.id}/remind`);
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
  await call('POST', `/rounds/${round.id}/close`);
  copy('closed');
  const backup = join(copiesDir, 'backup.db');
  await backupDatabase(t.database, backup);
  copies.push(copyFiles(backup, join(copiesDir, 'backup'), 'backup'));
  t.database.close();
  copy('closed-clean');

  const answersBy = (carrier: string) => members.find((m) => carrier.includes(m.nonce));
  return { members, copies, answersBy, dispose: () => disposeQuietly(t.database) };
}
