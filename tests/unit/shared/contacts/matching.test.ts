import { describe, expect, it } from 'vitest';
import { matchNeedsAndOffers, suggestionKeyOf } from '../../../../shared/contacts';
import type { Introduction } from '../../../../shared/domain';
import { aContact } from '../../../fixtures/contacts';

const rosa = aContact('c-rosa', 'Rosa Delgado', {
  role: 'Former plant manager',
  offers: ['plant management experience'],
});
const tom = aContact('c-tom', 'Tom Alvarez', {
  organisation: 'Acme Foods',
  needs: ['a plant manager'],
});

describe('connecting the dots: needs against offers', () => {
  it('suggests the plant manager to the company that needs one, with the reason in words', () => {
    const [suggestion, ...rest] = matchNeedsAndOffers([rosa, tom]);
    expect(rest).toEqual([]);
    expect(suggestion).toEqual({
      key: 'intro:c-tom:c-rosa:a plant manager',
      needContactId: 'c-tom',
      offerContactId: 'c-rosa',
      need: 'a plant manager',
      offer: 'plant management experience',
      source: 'offer',
      reason:
        'Rosa Delgado offers “plant management experience”; Tom Alvarez (Acme Foods) needs “a plant manager”',
    });
  });

  it('suggests nothing for unrelated words, one shared word of a two-word need, or oneself', () => {
    const chef = aContact('c-chef', 'Ines Mora', { offers: ['plant-based recipes'] });
    const baker = aContact('c-baker', 'Ola Berg', { offers: ['sourdough baking classes'] });
    const selfish = aContact('c-self', 'Sam Self', {
      needs: ['a data engineer'],
      offers: ['data engineering'],
    });
    expect(matchNeedsAndOffers([chef, baker, tom, selfish])).toEqual([]);
  });

  it('matches on what a need is about, not on the kind of help it asks for', () => {
    const needy = aContact('c-need', 'Ana Need', {
      needs: ['a mentor in coffee sales', 'a mentor in coffee sales', 'advice'],
    });
    const wrongSubject = aContact('c-wrong', 'Ben Wrong', {
      offers: ['mentoring on real estate sales'],
    });
    const rightSubject = aContact('c-right', 'Cy Right', { offers: ['contacts in coffee sales'] });
    const adviser = aContact('c-adv', 'Dee Adviser', { offers: ['free advice'] });
    const found = matchNeedsAndOffers([needy, wrongSubject, rightSubject, adviser]);
    expect(found.map((item) => [item.need, item.offerContactId])).toEqual([
      ['a mentor in coffee sales', 'c-right'],
      ['advice', 'c-adv'],
    ]);
  });

  it('matches on role, tags and organisation when no offer says it, preferring an offer', () => {
    const byRole = aContact('c-role', 'Ana Role', { role: 'Plant Manager' });
    const byTag = aContact('c-tag', 'Bo Tag', { tags: ['investors'] });
    const byOrg = aContact('c-org', 'Cy Org', { organisation: 'Northwind Turbines' });
    const needy = aContact('c-need', 'Dee Need', {
      needs: ['an investor', 'someone at Northwind'],
    });
    const found = matchNeedsAndOffers([byRole, byTag, byOrg, needy, rosa, tom]);
    expect(found.map((item) => [item.needContactId, item.offerContactId, item.source])).toEqual([
      ['c-need', 'c-tag', 'tag'],
      ['c-need', 'c-org', 'organisation'],
      ['c-tom', 'c-role', 'role'],
      ['c-tom', 'c-rosa', 'offer'],
    ]);
    expect(found[2]?.reason).toBe(
      'Ana Role’s role is “Plant Manager”; Tom Alvarez (Acme Foods) needs “a plant manager”',
    );
  });

  it('gives the same list, in the same order, however often and from a fresh array', () => {
    const others = Array.from({ length: 30 }, (_, n) =>
      aContact(`c-${String(n).padStart(2, '0')}`, `Person ${n % 7}`, {
        offers: n % 3 === 0 ? ['plant management'] : ['logistics'],
        needs: n % 4 === 0 ? ['logistics partner', 'a plant manager'] : [],
      }),
    );
    const contacts = [rosa, tom, ...others];
    const first = matchNeedsAndOffers(contacts);
    expect(first.length).toBeGreaterThan(20);
    expect(matchNeedsAndOffers(contacts)).toEqual(first);
    expect(matchNeedsAndOffers(contacts.map((contact) => ({ ...contact })))).toEqual(first);
    expect(new Set(first.map((item) => item.key)).size).toBe(first.length);
  });

  it('leaves out dismissed suggestions and introductions already recorded', () => {
    const maya = aContact('c-maya', 'Maya Chen', { offers: ['plant manager referrals'] });
    const contacts = [rosa, tom, maya];
    expect(matchNeedsAndOffers(contacts)).toHaveLength(2);
    const recorded: Introduction = {
      id: 'i-1',
      createdAt: '',
      updatedAt: '',
      date: '2026-11-20',
      direction: 'made',
      needContactId: 'c-tom',
      offerContactId: 'c-rosa',
      need: 'A Plant Manager',
      offer: 'plant management experience',
      outcome: '',
      suggestionKey: null,
    };
    const left = matchNeedsAndOffers(contacts, {
      dismissed: new Set([suggestionKeyOf('c-tom', 'c-maya', 'a plant manager')]),
      introductions: [recorded],
    });
    expect(left).toEqual([]);
    expect(matchNeedsAndOffers(contacts, { introductions: [recorded] })).toHaveLength(1);
  });
});
