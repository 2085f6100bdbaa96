import type { Formats } from 'next-intl';

/*
 * The named number and date formats, one set for the whole app (client-safe). Components format
 * through next-intl (useFormatter / getFormatter), naming one of these, so every screen writes a
 * number, an amount or a time the same way for the reader's locale and the company's currency
 * and time zone. Code outside React (CSV, emails, the API's messages) builds the same formatter
 * with lib/i18n/server-formatter.ts.
 *
 * Instants (a timestamptz) use `dateTime` / `time` (`date` for the day alone): shown in the company's time zone, naming it.
 * Calendar days (a 'YYYY-MM-DD' rollup day, already counted in the company's zone) use `day`,
 * `dayShort` and `month`, which pin UTC: the day string is read as midnight UTC, and formatting it
 * in, say, New York would show the day before.
 */
export function appFormats(currency: string) {
  return {
    number: {
      integer: { maximumFractionDigits: 0 },
      decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
      decimal2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
      percent: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
      money: { style: 'currency', currency, maximumFractionDigits: 0 },
      moneyExact: { style: 'currency', currency },
    },
    dateTime: {
      dateTime: {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      },
      time: { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
      // The day of an instant in the company's zone (a customer's "added" date), without the time.
      date: { day: 'numeric', month: 'short', year: 'numeric' },
      day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
      dayShort: { day: 'numeric', month: 'short', timeZone: 'UTC' },
      month: { month: 'short', year: 'numeric', timeZone: 'UTC' },
    },
  } as const satisfies Formats;
}

export type AppFormats = ReturnType<typeof appFormats>;
