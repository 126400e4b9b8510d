import { describe, expect, it } from 'vitest';
import { dayFirstFor, findDates, parseDate, pickDocumentDate, type DateOptions } from './dates';
import { keyOf } from './text';

const now = new Date('2025-06-15T12:00:00Z');
const dm: DateOptions = { dayFirst: true, now };
const md: DateOptions = { dayFirst: false, now };

describe('dates', () => {
  it.each([
    ['25/12/2024', '2024-12-25'],
    ['05/01/25', '2025-01-05'],
    ['2025-03-12', '2025-03-12'],
    ['12 Mar 2025', '2025-03-12'],
    ['12-MAR-25', '2025-03-12'],
    ['12.03.2025', '2025-03-12'],
    ['12. März 2025', '2025-03-12'],
    ['1er janvier 2025', '2025-01-01'],
    ['3 févr. 2025', '2025-02-03'],
    ['12 marzo 2025', '2025-03-12'],
    ['7 dicembre 2024', '2024-12-07'],
    ['March 12, 2025', '2025-03-12'],
    ['Sept 3 2024', '2024-09-03'],
    ['20250304', '2025-03-04'],
    ['9/3/2025', '2025-03-09'],
    ['25 /12/2024', '2024-12-25'],
    ['2S/12/2024'.replace('S', '5'), '2024-12-25'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text, dm)).toBe(iso);
  });

  it('orders day and month by the locale, unless only one reading is possible', () => {
    expect(parseDate('03/04/2025', dm)).toBe('2025-04-03');
    expect(parseDate('03/04/2025', md)).toBe('2025-03-04');
    expect(parseDate('12/28/2024', dm)).toBe('2024-12-28');
    expect(parseDate('28/12/2024', md)).toBe('2024-12-28');
    expect(dayFirstFor('en-US')).toBe(false);
    expect(dayFirstFor('de-CH')).toBe(true);
    expect(dayFirstFor('en-GB')).toBe(true);
    expect(dayFirstFor(undefined)).toBe(true);
  });

  it('rejects impossible and implausible dates', () => {
    expect(parseDate('31/02/2025', dm)).toBeNull();
    expect(parseDate('15/07/2025', dm)).toBeNull(); // in the future
    // Day-first would be in the future: the month-first reading is the plausible one.
    expect(parseDate('01/07/2025', dm)).toBe('2025-01-07');
    expect(parseDate('01/01/2014', dm)).toBeNull(); // more than ten years back
    expect(parseDate('13.03.2025', { ...dm, now: new Date('2025-03-11T00:00:00Z') })).toBeNull(); // a day of slack for time zones only
  });

  it('does not take times, amounts or phone numbers for dates', () => {
    expect(findDates('Time 20:13:39', dm)).toEqual([]);
    expect(findDates('Total 12.03', dm)).toEqual([]);
    expect(findDates('Tel 03-1234 5678', dm)).toEqual([]);
    expect(findDates('ORD #50 -REG #19- 18/01/2025 10:27:03', dm).map((d) => d.iso)).toEqual(['2025-01-18']);
  });

  it('picks the document date: labelled or next to a time, not the due date', () => {
    const lines = [
      'Acme GmbH',
      'Lieferdatum 01.03.2025',
      'Fällig am: 30.04.2025',
      'Rechnungsdatum: 02.03.2025',
    ].map((text, index) => ({ index, text, key: keyOf(text) }));
    expect(pickDocumentDate(lines, dm)?.iso).toBe('2025-03-02');
    const till = ['SHOP', 'valid until 31/12/2025', '14/03/2025 18:24', 'thank you'].map((text, index) => ({ index, text, key: keyOf(text) }));
    expect(pickDocumentDate(till, { ...dm, maxAheadDays: 400 })?.iso).toBe('2025-03-14');
  });
});
