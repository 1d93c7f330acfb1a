import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../../shared/domain';

describe('parseDuration', () => {
  it.each([
    ['45', 45],
    ['0', 0],
    ['45m', 45],
    ['45 min', 45],
    ['90 minutes', 90],
    ['1 minute', 1],
    ['1h', 60],
    ['1 h', 60],
    ['1h30', 90],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['1 hr 5 min', 65],
    ['2 hours', 120],
    ['1.5h', 90],
    ['1,5 h', 90],
    ['0.25h', 15],
    ['1:30', 90],
    ['0:05', 5],
    ['10:00', 600],
    [' 2H ', 120],
    ['1h59', 119],
  ])('reads %j as %d minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([
    '',
    ' ',
    'abc',
    '1h60',
    '1:60',
    '1:5',
    '-5',
    '5 days',
    'h30',
    '1.5',
    '1h30h',
    '45mm',
    '1e3',
    '１時間',
  ])('finds no duration in %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
