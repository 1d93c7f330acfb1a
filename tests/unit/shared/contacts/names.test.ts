import { describe, expect, it } from 'vitest';
import { contactIdsFor } from '../../../../shared/contacts';
import { aContact } from '../../../fixtures/contacts';

const rosa = aContact('c-rosa', 'Rosa Delgado');
const otherRosa = aContact('c-rosa-2', 'rosa delgado');
const tom = aContact('c-tom', 'Tom Álvarez');

describe('linking the people met to contacts', () => {
  it('links each name to the first contact of that name, accents and case aside', () => {
    expect(
      contactIdsFor(['Tom Alvarez', 'ROSA DELGADO', 'Ana Lopez'], [rosa, otherRosa, tom]),
    ).toEqual(['c-tom', 'c-rosa']);
  });

  it('keeps a chosen contact over a namesake, and drops it when its name is removed', () => {
    const contacts = [rosa, otherRosa, tom];
    expect(contactIdsFor(['Rosa Delgado'], contacts, ['c-rosa-2'])).toEqual(['c-rosa-2']);
    expect(contactIdsFor(['Tom Alvarez'], contacts, ['c-rosa-2', 'c-tom'])).toEqual(['c-tom']);
  });

  it('keeps links to contacts that are gone, so undoing a deletion finds them linked', () => {
    expect(contactIdsFor(['Rosa Delgado'], [tom], ['c-deleted'])).toEqual(['c-deleted']);
  });
});
