import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  dayNumber,
  daysBetween,
  daysInMonth,
  endOfMonth,
  fromDayNumber,
  isCalendarDate,
  isDateInRange,
  isWithin,
  localToday,
  parseTypedDate,
  toCalendarDate,
} from '../../src/core/common/dates';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Any real calendar date in years 0000-9999, as text. */
const calendarDate = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, daysInMonth(y, m)))}`);

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

describe('dates', () => {
  it('isCalendarDate knows month lengths and leap years', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31', '2026-01-01']) assert.equal(isCalendarDate(ok), true, ok);
    for (const bad of ['2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00', '', 'last week']) {
      assert.equal(isCalendarDate(bad), false, bad);
    }
  });

  it('daysInMonth follows the Gregorian calendar for every year, including years below 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const expected = m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
        assert.equal(daysInMonth(y, m), expected);
      }),
    );
  });

  it('toCalendarDate reads text and the UTC-midnight Dates YAML makes, never shifting a day (property)', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        const [y, m, d] = date.split('-').map(Number);
        const yamlDate = new Date(0);
        yamlDate.setUTCFullYear(y, m - 1, d);
        assert.equal(toCalendarDate(yamlDate), date);
        assert.equal(toCalendarDate(date), date);
        assert.equal(toCalendarDate(` ${date} `), date);
      }),
    );
    assert.equal(toCalendarDate('2026-04-31'), undefined);
    assert.equal(toCalendarDate(new Date(Number.NaN)), undefined);
    assert.equal(toCalendarDate(20260101), undefined);
    assert.equal(toCalendarDate(null), undefined);
    // A Date at 23:30 UTC is still that UTC day: the day YAML wrote, whatever the local zone.
    assert.equal(toCalendarDate(new Date(Date.UTC(2026, 0, 31, 23, 30))), '2026-01-31');
  });

  it('dayNumber and fromDayNumber are inverse (property)', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        assert.equal(fromDayNumber(dayNumber(date)), date);
      }),
    );
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('1970-01-02'), 1);
    assert.throws(() => dayNumber('not a date'), RangeError);
  });

  it('addDays and daysBetween agree (property)', () => {
    fc.assert(
      fc.property(calendarDate.filter((d) => d >= '0001-01-01' && d <= '9998-12-31'), fc.integer({ min: -366, max: 366 }), (date, n) => {
        const later = addDays(date, n);
        assert.equal(daysBetween(date, later), n);
        assert.equal(compareDates(later, date), Math.sign(n));
      }),
    );
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(daysBetween('2025-04-01', '2027-03-31'), 729);
  });

  it('addMonths clamps to the end of shorter months', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2027-03-31', -24), '2025-03-31');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    fc.assert(
      fc.property(calendarDate.filter((d) => d >= '0100-01-01' && d <= '9000-12-31'), fc.integer({ min: -600, max: 600 }), (date, n) => {
        const moved = addMonths(date, n);
        assert.ok(isCalendarDate(moved), moved);
        const [y, m] = date.split('-').map(Number);
        const [y2, m2] = moved.split('-').map(Number);
        assert.equal(y2 * 12 + m2 - (y * 12 + m), n);
      }),
    );
  });

  it('isWithin is inclusive at both ends; endOfMonth', () => {
    assert.equal(isWithin('2025-04-01', '2025-04-01', '2027-03-31'), true);
    assert.equal(isWithin('2027-03-31', '2025-04-01', '2027-03-31'), true);
    assert.equal(isWithin('2025-03-31', '2025-04-01', '2027-03-31'), false);
    assert.equal(isWithin('2027-04-01', '2025-04-01', '2027-03-31'), false);
    assert.equal(endOfMonth('2024-02-10'), '2024-02-29');
    assert.equal(endOfMonth('2026-04-30'), '2026-04-30');
  });

  it('localToday is the local calendar day of the given instant', () => {
    const d = new Date(2026, 10, 25, 23, 59);
    assert.equal(localToday(d), '2026-11-25');
    assert.equal(localToday(new Date(2026, 0, 1, 0, 0)), '2026-01-01');
    assert.ok(isCalendarDate(localToday()));
  });

  it('addMonths crosses year 0 and back correctly, and refuses what YYYY cannot write', () => {
    assert.equal(addMonths('0001-01-01', -12), '0000-01-01');
    assert.equal(addMonths('0001-01-31', -11), '0000-02-29');
    assert.throws(() => addMonths('0001-01-01', -24), RangeError);
    assert.throws(() => addMonths('9999-12-01', 1), RangeError);
    assert.throws(() => addMonths('2026-01-01', 0.5), RangeError);
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -1200, max: 1200 }), (date, n) => {
        let moved: string;
        try {
          moved = addMonths(date, n);
        } catch (error) {
          assert.ok(error instanceof RangeError);
          const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
          assert.ok(index < 0 || index >= 120_000, `${date} + ${n} refused`);
          return;
        }
        assert.ok(isCalendarDate(moved), `${date} + ${n} = ${moved}`);
        assert.equal(Number(moved.slice(0, 4)) * 12 + Number(moved.slice(5, 7)) - (Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7))), n);
      }),
    );
  });

  it('dayNumber, addDays and endOfMonth refuse a non-date; fromDayNumber refuses a day YYYY cannot write', () => {
    for (const bad of ['2026-02-30', '26-01-01', '', '2026-1-01']) {
      assert.throws(() => dayNumber(bad), RangeError, bad);
      assert.throws(() => addDays(bad, 1), RangeError, bad);
      assert.throws(() => endOfMonth(bad), RangeError, bad);
    }
    assert.throws(() => addDays('0000-01-01', -1), RangeError);
    assert.throws(() => addDays('9999-12-31', 1), RangeError);
    assert.throws(() => fromDayNumber(0.5), RangeError);
    assert.throws(() => fromDayNumber(Number.NaN), RangeError);
    assert.equal(fromDayNumber(dayNumber('0000-01-01')), '0000-01-01');
    assert.equal(toCalendarDate(new Date(Date.UTC(10_000, 0, 1))), undefined);
    assert.equal(toCalendarDate(new Date(-62_198_755_200_000)), undefined); // year -1
  });

  it('isDateInRange: 1900-01-01 through 2199-12-31', () => {
    assert.equal(isDateInRange('1900-01-01'), true);
    assert.equal(isDateInRange('2199-12-31'), true);
    assert.equal(isDateInRange('1899-12-31'), false);
    assert.equal(isDateInRange('2200-01-01'), false);
    assert.equal(isDateInRange('0001-06-01'), false);
  });

  describe('parseTypedDate (a date a person types)', () => {
    const dateOf = (text: string) => {
      const r = parseTypedDate(text);
      return 'date' in r ? r.date : `error: ${r.error}`;
    };

    it('reads month-first dates as certificates print them, and YYYY-MM-DD', () => {
      assert.equal(dateOf('06/30/2027'), '2027-06-30');
      assert.equal(dateOf('6/3/2027'), '2027-06-03');
      assert.equal(dateOf(' 06-30-2027 '), '2027-06-30');
      assert.equal(dateOf('06.30.2027'), '2027-06-30');
      assert.equal(dateOf('2027-06-30'), '2027-06-30');
      assert.equal(dateOf('2027-6-3'), '2027-06-03');
      assert.equal(dateOf('02/29/2028'), '2028-02-29');
    });

    it('refuses impossible dates, saying why', () => {
      assert.equal(dateOf('06/31/2027'), 'error: 06/31/2027 is not a real date: June 2027 has 30 days.');
      assert.equal(dateOf('2027-02-29'), 'error: 2027-02-29 is not a real date: February 2027 has 28 days.');
      assert.equal(dateOf('00/10/2027'), 'error: There is no month 0.');
      assert.equal(dateOf('13/40/2027'), 'error: There is no month 13.');
      assert.equal(dateOf('2027-06-00'), 'error: 2027-06-00 is not a real date: June 2027 has 30 days.');
    });

    it('points out a day-first date and a two-digit year', () => {
      assert.equal(dateOf('30/06/2027'), 'error: There is no month 30. Month first: 06/30/2027?');
      assert.equal(dateOf('06/30/27'), 'error: Write the year with four digits: 06/30/2027?');
    });

    it('refuses what is not a date and years no cycle has', () => {
      for (const text of ['', 'tomorrow', '2027/06/30/1', '2027-06-30T00:00', '06302027', '1/2/3']) assert.match(dateOf(text), /^error: Enter the date as MM\/DD\/YYYY/, text);
      assert.equal(dateOf('06/30/0027'), 'error: Enter a year between 1900 and 2199.');
    });

    it('never throws on any text, returns only real dates in range, and reads two numbers up to 12 month first (property)', () => {
      const typed = fc.oneof(
        fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '/', '-', '.', ' ', '\u0660', '\uff11'), maxLength: 14 }),
        fc.tuple(fc.nat(40), fc.nat(40), fc.nat(2300), fc.constantFrom('/', '-', '.')).map(([a, b, y, sep]) => `${a}${sep}${b}${sep}${y}`),
        fc.string(),
      );
      fc.assert(
        fc.property(typed, (text) => {
          const r = parseTypedDate(text);
          if ('error' in r) {
            assert.ok(r.error.length > 0);
            // A suggested date is itself one that reads.
            const suggested = /: (\d{2}\/\d{2}\/\d{4})\?$/.exec(r.error)?.[1];
            if (suggested) assert.ok('date' in parseTypedDate(suggested), `${text}: ${r.error}`);
            return;
          }
          assert.ok(isCalendarDate(r.date) && isDateInRange(r.date), r.date);
          const us = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
          if (us) assert.equal(r.date, `${us[3]}-${pad(Number(us[1]))}-${pad(Number(us[2]))}`, text);
        }),
        { numRuns: 3000 },
      );
      for (const text of ['13/40/27', '30/06/27', '02/30/27']) {
        const r = parseTypedDate(text);
        assert.ok('error' in r && !/\?$/.test(r.error.replace(/Month first: (\d{2}\/\d{2}\/\d{4})\?$/, '')), `${text}: ${JSON.stringify(r)}`);
      }
    });

    it('reads back every calendar date in range, in both forms', () => {
      fc.assert(
        fc.property(calendarDate.filter(isDateInRange), (date) => {
          assert.equal(dateOf(date), date);
          assert.equal(dateOf(`${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`), date);
        }),
      );
    });
  });
});
