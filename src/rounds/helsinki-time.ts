/*
 * Coordinators and members are in Finland: times are entered and shown as the
 * clock on a Helsinki wall and stored as UTC instants (ISO strings), whatever
 * the server's own time zone is.
 */
const TIME_ZONE = 'Europe/Helsinki';
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const wallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(date: Date): Wall {
  const p = Object.fromEntries(wallFormat.formatToParts(date).map((part) => [part.type, Number(part.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

const wallAsUtc = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Helsinki's offset from UTC at that instant, in ms (2 h in winter, 3 h in summer). */
function offsetAt(instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallClock(new Date(whole))) - whole;
}

/**
 * "2026-03-02T09:00" on a Helsinki wall as an instant; null if it is no
 * valid time. A time skipped by the spring change lands an hour later; a
 * time repeated in the autumn is the second one.
 */
export function fromHelsinkiLocal(value: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // The offset at the first guess is off by an hour only next to a change; the second pass settles it.
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess));
}

/** A Helsinki wall time ("2026-03-02T09:00") or an ISO time with its zone ("2026-03-02T07:00:00Z"). */
export function parseInstant(value: string): Date | null {
  const trimmed = value.trim();
  if (WITH_ZONE.test(trimmed)) {
    const date = new Date(trimmed);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return fromHelsinkiLocal(trimmed);
}

const two = (n: number) => String(n).padStart(2, '0');

/** The value of a datetime-local input showing this instant on a Helsinki wall. */
export function toHelsinkiLocal(date: Date): string {
  const w = wallClock(date);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** The Helsinki date, e.g. "2.9.2026", as a round's title carries it. */
export function helsinkiDateLabel(date: Date): string {
  const w = wallClock(date);
  return `${w.day}.${w.month}.${w.year}`;
}

/**
 * The same Helsinki wall time some months later, so a 9 o'clock opening stays
 * at 9 o'clock across a daylight-saving change; the 31st becomes the last day
 * of a shorter month.
 */
export function addHelsinkiMonths(date: Date, months: number): Date {
  const w = wallClock(date);
  const monthIndex = w.month - 1 + months;
  const year = w.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const local = `${year}-${two(month)}-${two(Math.min(w.day, lastDay))}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
  return fromHelsinkiLocal(local)!;
}

/** The Helsinki calendar day of an instant, "2026-03-02": after 22:00 UTC it is already tomorrow there. */
export function helsinkiDay(date: Date): string {
  return toHelsinkiLocal(date).slice(0, 10);
}

/** The last second of a Helsinki calendar day ("2026-03-02"), 2 or 3 hours before that second in UTC. */
export function endOfHelsinkiDay(day: string): Date | null {
  return fromHelsinkiLocal(`${day}T23:59:59`);
}
