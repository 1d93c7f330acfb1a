// The contacts rows (--only=contacts): introduction suggestions over 5,000 contacts after one
// contact's need changes by a keystroke, and a contact page's figures over 20k interactions.
import { contactFigures, matchNeedsAndOffers } from '../../shared/contacts';
import { EMPTY_CONTACT, type Contact, type Interaction } from '../../shared/domain';
import { seededRandom } from '../fixtures/random';
import { snapshotList } from './analytics';
import { generateEntries } from './generate';
import { collectGarbage, median, percentile, progress, timeMs } from './stats';
import { formatMs, type Row } from './table';

const CONTACTS = 5_000;
const INTERACTIONS = 20_000;
const KEYSTROKES = 60;
const WARMUP = 5;
const TARGET_MS = 10;

const FIRST = [
  'Rosa',
  'Tom',
  'Ana',
  'Ben',
  'Chidi',
  'Dana',
  'Elif',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jun',
];
const LAST = [
  'Delgado',
  'Alvarez',
  'Lopez',
  'Ortiz',
  'Okafor',
  'Weiß',
  'Yilmaz',
  'Haddad',
  'Chen',
  'Moreau',
];
const ORGS = Array.from(
  { length: 400 },
  (_, n) => `Company ${n} ${['Foods', 'Turbines', 'Labs', 'Logistics'][n % 4]}`,
);
const ROLES = [
  'Plant manager',
  'Operations director',
  'Recruiter',
  'Data engineer',
  'Sales lead',
  'Founder',
  'Investor',
  'Quality manager',
  'Supply chain analyst',
  'Product designer',
];
const TOPICS = [
  'plant',
  'operations',
  'supply chain',
  'quality',
  'food safety',
  'data',
  'machine learning',
  'sales',
  'marketing',
  'design',
  'hiring',
  'funding',
  'logistics',
  'packaging',
  'automation',
  'energy',
  'maintenance',
  'procurement',
  'finance',
  'legal',
  'export',
  'retail',
  'robotics',
  'cloud',
  'security',
];
const NEED_FORMS = [
  'a {t} manager',
  '{t} advice',
  'an intro to {t} investors',
  '{t} engineer',
  'help with {t} audits',
];
const OFFER_FORMS = [
  '{t} management experience',
  '{t} consulting',
  'contacts in {t}',
  '{t} engineering',
  'mentoring on {t}',
];

/** 5,000 contacts with realistic needs, offers, tags, roles and organisations; same every run. */
export function generateContacts(count = CONTACTS, seed = 42): Contact[] {
  const random = seededRandom(seed);
  const phrase = (forms: readonly string[]) =>
    random.pick(forms).replace('{t}', random.pick(TOPICS));
  const contacts = Array.from({ length: count }, (_, n): Contact => ({
    ...EMPTY_CONTACT,
    id: `contact-${n}`,
    name: `${random.pick(FIRST)} ${random.pick(LAST)} ${n}`,
    organisation: random.chance(0.8) ? random.pick(ORGS) : '',
    role: random.chance(0.7) ? random.pick(ROLES) : '',
    tags: Array.from({ length: random.int(3) }, () => random.pick(TOPICS)),
    needs: Array.from({ length: random.int(3) }, () => phrase(NEED_FORMS)),
    offers: Array.from({ length: random.int(3) }, () => phrase(OFFER_FORMS)),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
  return contacts.sort((a, b) => a.name.localeCompare(b.name));
}

/** 20k interactions, each linking one to three of the contacts. */
function linkedInteractions(contacts: readonly Contact[]): Interaction[] {
  const random = seededRandom(7);
  return snapshotList(generateEntries(INTERACTIONS)).map((item) => ({
    ...item,
    contactIds: Array.from({ length: 1 + random.int(3) }, () => random.pick(contacts).id),
  }));
}

/** The contacts rows of the table. */
export function measureContacts(): Row[] {
  const size = `${CONTACTS / 1000}k contacts`;
  progress(`${size}: generating contacts and ${INTERACTIONS / 1000}k interactions`);
  let contacts = generateContacts();
  const interactions = linkedInteractions(contacts);
  const dismissed = new Set<string>();

  progress(`${size}: introduction suggestions, first run`);
  let found = 0;
  const coldMs = timeMs(() => {
    found = matchNeedsAndOffers(contacts, { dismissed, introductions: [] }).length;
  });

  // A person types a need into one contact, a letter at a time: each keystroke is a new
  // contacts list with one changed contact, as the journal's snapshot gives it.
  progress(`${size}: ${KEYSTROKES} keystrokes in one contact's need`);
  const typed = 'a plant manager for the night shift at our second factory in Porto, Portugal';
  const index = 1234;
  const times: number[] = [];
  for (let key = 0; key < WARMUP + KEYSTROKES; key += 1) {
    const edited = contacts[index] as Contact;
    const next = contacts.slice();
    next[index] = { ...edited, needs: [...edited.needs.slice(0, 1), typed.slice(0, key + 1)] };
    contacts = next;
    collectGarbage();
    const ms = timeMs(() => void matchNeedsAndOffers(contacts, { dismissed, introductions: [] }));
    if (key >= WARMUP) times.push(ms);
  }

  progress(`${size}: a contact page's figures over ${INTERACTIONS / 1000}k interactions`);
  const pageTimes = Array.from({ length: 9 }, (_, n) =>
    timeMs(() => void contactFigures(contacts[n * 100] as Contact, interactions)),
  );

  const medianMs = median(times);
  return [
    {
      measure: `introduction suggestions, first run (${found} found)`,
      size,
      value: formatMs(coldMs),
    },
    {
      measure: `introduction suggestions after a keystroke in a need (median of ${KEYSTROKES})`,
      size,
      value: formatMs(medianMs),
      target: `< ${TARGET_MS} ms`,
      pass: medianMs < TARGET_MS,
    },
    {
      measure: 'introduction suggestions after a keystroke (95th percentile)',
      size,
      value: formatMs(percentile(times, 0.95)),
    },
    {
      measure: `contact page figures, 20k interactions (median of ${pageTimes.length})`,
      size,
      value: formatMs(median(pageTimes)),
    },
  ];
}
