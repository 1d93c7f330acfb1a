import { describe, expect, it } from 'vitest';
import { IntroductionMatcher, matchNeedsAndOffers } from '../../../../shared/contacts';
import type { Contact } from '../../../../shared/domain';
import { aContact } from '../../../fixtures/contacts';
import { seededRandom, type Random } from '../../../fixtures/random';

// A small vocabulary, so that edits often make and break matches.
const WORDS = ['plant', 'manager', 'management', 'data', 'engineer', 'funding', 'logistics'];
const NAMES = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay'];

const phrase = (random: Random) =>
  Array.from({ length: 1 + random.int(3) }, () => random.pick(WORDS)).join(' ');
const phrases = (random: Random) => Array.from({ length: random.int(3) }, () => phrase(random));

function randomContact(random: Random, id: string): Contact {
  return aContact(id, `${random.pick(NAMES)} ${id}`, {
    role: random.chance(0.4) ? phrase(random) : '',
    organisation: random.chance(0.3) ? `${random.pick(WORDS)} Co` : '',
    tags: random.chance(0.3) ? [random.pick(WORDS)] : [],
    needs: phrases(random),
    offers: phrases(random),
  });
}

/** One edit as the snapshot gives it: a new list in which only the touched contacts are new. */
function edit(random: Random, contacts: readonly Contact[], step: number): Contact[] {
  const next = contacts.slice();
  const at = random.int(next.length);
  const contact = next[at] as Contact;
  switch (random.int(6)) {
    case 0:
      next.push(randomContact(random, `c-new-${step}`));
      break;
    case 1:
      next.splice(at, 1);
      break;
    case 2:
      next[at] = { ...contact, needs: phrases(random) };
      break;
    case 3:
      next[at] = { ...contact, offers: phrases(random), tags: [] };
      break;
    case 4:
      next[at] = { ...contact, name: `${random.pick(NAMES)} renamed ${step}` };
      break;
    default:
      next[at] = { ...contact, role: phrase(random), organisation: '' };
  }
  return next.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

describe('IntroductionMatcher: suggestions kept up to date edit by edit', () => {
  it.each([1, 2, 3, 4, 5])('matches a fresh computation after every edit (seed %i)', (seed) => {
    const random = seededRandom(seed);
    let contacts = Array.from({ length: 40 }, (_, n) => randomContact(random, `c-${n}`));
    const matcher = new IntroductionMatcher();
    expect(matcher.suggest(contacts).first(Infinity)).toEqual(matchNeedsAndOffers(contacts));
    let compared = 0;
    for (let step = 0; step < 150; step += 1) {
      contacts = edit(random, contacts, step);
      const fresh = matchNeedsAndOffers(contacts.map((contact) => ({ ...contact })));
      const kept = matcher.suggest(contacts);
      expect(kept.first(Infinity), `seed ${seed}, step ${step}`).toEqual(fresh);
      expect(kept.count).toBe(fresh.length);
      const someone = (contacts[step % contacts.length] as Contact).id;
      expect(new Set(kept.forContact(someone))).toEqual(
        new Set(
          fresh.filter((item) => [item.needContactId, item.offerContactId].includes(someone)),
        ),
      );
      compared += fresh.length;
    }
    // The vocabulary is small enough that the comparison is never of two empty lists.
    expect(compared).toBeGreaterThan(1000);
  });

  it('reads a page at a time, a contact’s share on both sides, and leaves out exclusions', () => {
    const rosa = aContact('c-rosa', 'Rosa', { offers: ['plant management'], needs: ['funding'] });
    const tom = aContact('c-tom', 'Tom', { needs: ['a plant manager'], offers: ['funding'] });
    const una = aContact('c-una', 'Una', { needs: ['plant management advice'] });
    const matcher = new IntroductionMatcher();
    const all = matcher.suggest([rosa, tom, una]);
    expect(all.count).toBe(3);
    expect(all.first(2).map((item) => [item.needContactId, item.offerContactId])).toEqual([
      ['c-rosa', 'c-tom'],
      ['c-tom', 'c-rosa'],
    ]);
    expect(all.forContact('c-rosa').map((item) => item.needContactId)).toEqual([
      'c-rosa',
      'c-tom',
      'c-una',
    ]);
    const key = (all.first(1)[0] as { key: string }).key;
    const left = matcher.suggest([rosa, tom, una], { dismissed: new Set([key, 'intro:gone']) });
    expect(left.count).toBe(2);
    expect(left.forContact('c-rosa').map((item) => item.needContactId)).toEqual(['c-tom', 'c-una']);
  });
});
