import { describe, expect, it } from 'vitest';
import { quorum, quorumNeeded, quorumRuleWords } from '../../src/core/meetings/quorum.ts';
import { londonDayAndTime, londonInstant, meetingTime } from '../../src/core/meetings/time.ts';

describe('the quorum rule', () => {
  it('is a third of the voting members, rounded up, and at least three, by default', () => {
    const rule = { divisor: 3, minimum: 3 };
    expect([1, 3, 9, 10, 15, 16].map((n) => quorumNeeded(rule, n))).toEqual([3, 3, 3, 4, 5, 6]);
    expect(quorum(rule, 15, 5)).toEqual({ voting: 15, present: 5, needed: 5, quorate: true });
    expect(quorum(rule, 15, 4).quorate).toBe(false);
  });

  it('follows the panel’s own rule', () => {
    expect(quorumNeeded({ divisor: 2, minimum: 4 }, 15)).toBe(8);
    expect(quorumNeeded({ divisor: 2, minimum: 4 }, 5)).toBe(4);
    expect(quorumRuleWords({ divisor: 2, minimum: 4 })).toBe('at least half the voting members (members and the chair), rounded up and never fewer than 4, are present');
  });
});

describe('meeting times in London', () => {
  it('turns a London date and time into the instant, in summer and in winter', () => {
    expect(londonInstant('2025-06-03', '18:30').toISOString()).toBe('2025-06-03T17:30:00.000Z');
    expect(londonInstant('2025-12-03', '18:30').toISOString()).toBe('2025-12-03T18:30:00.000Z');
    expect(londonDayAndTime(new Date('2025-06-03T17:30:00Z'))).toEqual({ day: '2025-06-03', time: '18:30' });
    expect(meetingTime(new Date('2025-06-03T17:30:00Z'))).toBe('Tuesday 3 June 2025, 18:30');
  });
});
