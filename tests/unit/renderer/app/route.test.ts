import { describe, expect, it } from 'vitest';
import { hashOf, parseRoute, type Route } from '../../../../renderer/src/app/route';

describe('screens addressed by the URL hash', () => {
  it.each<[string, Route]>([
    ['', { screen: 'journal' }],
    ['#/', { screen: 'journal' }],
    ['#/insights', { screen: 'insights' }],
    ['#/today', { screen: 'today' }],
    ['#/goals', { screen: 'goals' }],
    ['#/report', { screen: 'report', month: null }],
    ['#/report/2026-10', { screen: 'report', month: '2026-10' }],
    ['#/planned', { screen: 'planned' }],
    ['#/contacts', { screen: 'contacts', contactId: null }],
    ['#/contacts/0b1c-9f2e', { screen: 'contacts', contactId: '0b1c-9f2e' }],
  ])('%j opens %j, and that screen writes the same hash back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(hashOf(route))).toEqual(route);
  });

  it.each([
    '#/report/2026-13',
    '#/report/26-10',
    '#/reports',
    '#/insights/x',
    '#journal',
    '#/contacts/a/b',
    '#/contacts/<b>',
  ])('an address it does not know (%j) opens the journal', (hash) =>
    expect(parseRoute(hash)).toEqual({ screen: 'journal' }),
  );
});
