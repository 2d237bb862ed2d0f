/** Milliseconds in a minute and in a day. */
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
// China has kept UTC+8 all year since 1991, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;

/** Midnight (Shanghai time) that starts the calendar day containing `now`, as a UTC instant. */
export function shanghaiMidnight(now: Date): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - SHANGHAI_OFFSET_MS);
}

/** The instant `minuteOfDay` minutes into the Shanghai day `daysAgo` days before `now`'s day. */
export function shanghaiTime(now: Date, daysAgo: number, minuteOfDay: number): Date {
  return new Date(shanghaiMidnight(now).getTime() - daysAgo * DAY_MS + minuteOfDay * MINUTE_MS);
}

/** `days` whole days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
