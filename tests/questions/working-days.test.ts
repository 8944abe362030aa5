import { describe, expect, it } from 'vitest';
import { clockState, resumedDueOn } from '../../src/core/questions/clock.ts';
import { addWorkingDays, bankHolidays, isWorkingDay, londonDay, workingDaysBetween } from '../../src/core/questions/working-days.ts';

describe('the working-day calendar of England and Wales', () => {
  it('knows the bank holidays of 2023 to 2025, including the coronation and substitute days', () => {
    expect([...bankHolidays(2023)].filter(isWeekday).sort()).toEqual(['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']);
    expect([...bankHolidays(2024)].filter(isWeekday).sort()).toEqual(['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']);
    expect([...bankHolidays(2025)].filter(isWeekday).sort()).toEqual(['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']);
    expect(isWorkingDay('2023-05-08')).toBe(false); // King Charles III's coronation
    expect(isWorkingDay('2023-01-02')).toBe(false); // New Year's Day, substitute
    expect(isWorkingDay('2025-06-02')).toBe(true);
    expect(isWorkingDay('2025-06-07')).toBe(false); // a Saturday
  });

  it('adds working days over weekends and bank holidays', () => {
    // Sent Thursday 17 April 2025: Good Friday and Easter Monday do not count.
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(addWorkingDays('2025-04-17', 20)).toBe('2025-05-20'); // also skips Early May, 5 May
    // Twenty working days from Monday 2 June 2025: no holiday in between.
    expect(addWorkingDays('2025-06-02', 20)).toBe('2025-06-30');
    // Over Christmas 2024 and New Year 2025.
    expect(addWorkingDays('2024-12-20', 5)).toBe('2024-12-31');
    expect(addWorkingDays('2024-12-20', 6)).toBe('2025-01-02');
    // Over the coronation weekend of 2023.
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
  });

  it('counts the working days a pause lasted', () => {
    expect(workingDaysBetween('2025-06-02', '2025-06-02')).toBe(0);
    expect(workingDaysBetween('2025-06-02', '2025-06-09')).toBe(5);
    expect(workingDaysBetween('2025-04-17', '2025-04-22')).toBe(1);
    expect(resumedDueOn('2025-06-30', '2025-06-02', '2025-06-09')).toBe('2025-07-07');
  });

  it('takes dates in London time', () => {
    expect(londonDay(new Date('2025-06-01T23:30:00Z'))).toBe('2025-06-02'); // BST
    expect(londonDay(new Date('2025-01-01T23:30:00Z'))).toBe('2025-01-01'); // GMT
  });

  it('says overdue past the due date and very overdue past twice the allowed time', () => {
    const q = { status: 'sent' as const, dueOn: '2025-06-30', pausedOn: null, answeredOn: null, allowedWorkingDays: 20 };
    expect(clockState(q, '2025-06-30')).toBe('waiting');
    expect(clockState(q, '2025-07-01')).toBe('overdue');
    expect(clockState(q, '2025-07-28')).toBe('overdue'); // 30 June + 20 working days
    expect(clockState(q, '2025-07-29')).toBe('very-overdue');
    expect(clockState({ ...q, pausedOn: '2025-06-20' }, '2025-07-10')).toBe('paused');
    expect(clockState({ ...q, status: 'answered', answeredOn: '2025-06-30' }, '2025-09-01')).toBe('on-time');
    expect(clockState({ ...q, status: 'answered', answeredOn: '2025-07-01' }, '2025-09-01')).toBe('late');
  });
});

const isWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
