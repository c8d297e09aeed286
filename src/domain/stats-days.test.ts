import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysEnding, isDay, isStatsPeriod, utcDay } from './stats-days.ts';

describe('stats days', () => {
  it('names the UTC day, whatever the hour', () => {
    assert.equal(utcDay(new Date('2026-11-21T23:59:59.999Z')), '2026-11-21');
    assert.equal(utcDay(new Date('2026-11-22T00:00:00.000Z')), '2026-11-22');
  });

  it('moves across months, years and leap days', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-03-01', -1), '2028-02-29');
    assert.equal(addDays('2026-11-21', 0), '2026-11-21');
  });

  it('lists the days of a period, oldest first, ending today', () => {
    assert.deepEqual(daysEnding('2026-01-02', 3), ['2025-12-31', '2026-01-01', '2026-01-02']);
    assert.equal(daysEnding('2026-11-21', 365).length, 365);
  });

  it('accepts only real days and the offered periods', () => {
    assert.ok(isDay('2028-02-29'));
    assert.ok(!isDay('2026-02-29'));
    assert.ok(!isDay('2026-1-1'));
    assert.ok(isStatsPeriod(90));
    assert.ok(!isStatsPeriod(7));
  });
});
