// The runtime's wall clock (dates shown, dates read from .xlsx) asks Intl twice per day of time and zone, not per date.
import { fromWallClock, wallClock } from '../../src/local/runtime';

/** The wall clock straight from Intl's parts, as the runtime computed it for every date before the hourly memo. */
const formats = new Map<string, Intl.DateTimeFormat>();
function fromIntl(date: Date, tz: string) {
  const f =
    formats.get(tz) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
  formats.set(tz, f);
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const t = date.getTime();
  const ms = ((t % 1000) + 1000) % 1000;
  const w = {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    ms,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday),
  };
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms);
  return { ...w, offsetMinutes: Math.round((asUtc - t) / 60000) };
}

/** A seeded generator: the same instants on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Zones with DST (both hemispheres), half-hour and 45-minute offsets, and Saigon's history (LMT +7:06:40, +8, +9 in 1942–45, +8 until 1975).
const ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York', 'Europe/London', 'Australia/Adelaide', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

describe('wallClock', () => {
  test.each(ZONES)('agrees with Intl at seeded instants from 1890 to 2100 and around DST changes (%s)', (tz) => {
    const next = rng(20240601);
    const from = Date.UTC(1890, 0, 1),
      to = Date.UTC(2100, 0, 1);
    const instants: number[] = [];
    for (let i = 0; i < 1500; i++) instants.push(Math.floor(from + next() * (to - from)));
    // Every minute of two days around the 2024 spring and autumn changes, in both hemispheres.
    for (const day of [
      Date.UTC(2024, 2, 9),
      Date.UTC(2024, 2, 30),
      Date.UTC(2024, 3, 6),
      Date.UTC(2024, 9, 5),
      Date.UTC(2024, 9, 26),
      Date.UTC(2024, 10, 2),
    ])
      for (let m = 0; m < 2 * 24 * 60; m += 13) instants.push(day + m * 60000 + 123);
    const differ = instants.filter((t) => JSON.stringify(wallClock(new Date(t), tz)) !== JSON.stringify(fromIntl(new Date(t), tz)));
    expect(differ.map((t) => new Date(t).toISOString())).toEqual([]);
  });

  test('fromWallClock gives back the instant of a wall clock time, in Saigon now and in 1950 (+8)', () => {
    expect(fromWallClock('Asia/Ho_Chi_Minh', 2024, 8, 20, 12, 0, 0).toISOString()).toBe('2024-08-20T05:00:00.000Z');
    expect(fromWallClock('Asia/Ho_Chi_Minh', 1950, 1, 1, 8, 0, 0).toISOString()).toBe('1950-01-01T00:00:00.000Z');
  });
});
