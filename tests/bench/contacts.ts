// The contacts rows (--only=contacts): introduction suggestions over 5,000 contacts after one
// contact's need changes by a keystroke, and a contact page's figures over 20k interactions.
import { contactFigures, IntroductionMatcher, type MatchExclusions } from '../../shared/contacts';
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
/** The contact typed into. */
const EDITED = 'contact-1234';

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
  'Procurement officer',
  'Site engineer',
  'Head of finance',
  'Legal counsel',
  'Marketing manager',
  'Research scientist',
  'Account executive',
  'Programme officer',
  'Maintenance supervisor',
  'Chief of staff',
];
/** Sectors and specialities: their pairs give 1,200 topics ("cold chain compliance"). */
const SECTORS = (
  'aerospace agritech aquaculture automotive aviation banking battery biotech brewing cement ' +
  'chemicals cinema coffee construction cosmetics dairy defence edtech electronics fashion ' +
  'fertiliser fintech fisheries forestry furniture gaming geothermal glass healthcare hospitality ' +
  'hydrogen insurance jewellery leather maritime meatpacking medtech mining nuclear packaging ' +
  'paper pharma plastics printing publishing railway realestate recycling semiconductor ' +
  'shipbuilding solar steel telecom textile tobacco tourism trucking water wine'
).split(' ');
const SPECIALITIES = (
  'compliance safety automation procurement logistics analytics pricing licensing maintenance ' +
  'exports hiring funding audits sustainability quality sales marketing security design research'
).split(' ');
const NEED_FORMS = [
  'a {t} manager',
  '{t} advice',
  'an intro to {t} investors',
  'a {t} engineer',
  'help with {t}',
  'a mentor in {t}',
  'first customers in {t}',
];
const OFFER_FORMS = [
  '{t} management',
  '{t} consulting',
  'contacts in {t}',
  '{t} engineering',
  'mentoring on {t}',
  'introductions to {t} buyers',
];

/**
 * 5,000 contacts, each with 0–2 needs, 0–2 offers and 0–2 tags drawn from 1,200 topics (60
 * sectors × 20 specialities) in several phrasings, most with a role (20) and an organisation
 * (400); the same every run.
 */
export function generateContacts(count = CONTACTS, seed = 42): Contact[] {
  const random = seededRandom(seed);
  const topic = () => `${random.pick(SECTORS)} ${random.pick(SPECIALITIES)}`;
  const phrase = (forms: readonly string[]) => random.pick(forms).replace('{t}', topic());
  const contacts = Array.from({ length: count }, (_, n): Contact => ({
    ...EMPTY_CONTACT,
    id: `contact-${n}`,
    name: `${random.pick(FIRST)} ${random.pick(LAST)} ${n}`,
    organisation: random.chance(0.8) ? random.pick(ORGS) : '',
    role: random.chance(0.7) ? random.pick(ROLES) : '',
    tags: Array.from({ length: random.int(3) }, () => random.pick(SECTORS)),
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

/** Times each keystroke of `typed` written into one contact by `write`, as the screen sees it. */
function typeInto(
  contacts: Contact[],
  typed: string,
  write: (contact: Contact, text: string) => Contact,
  suggest: (contacts: readonly Contact[]) => unknown,
): number[] {
  const index = contacts.findIndex((contact) => contact.id === EDITED);
  const times: number[] = [];
  for (let key = 0; key < WARMUP + KEYSTROKES; key += 1) {
    // A new contacts list with one changed contact, as the journal's snapshot gives it.
    contacts[index] = write(contacts[index] as Contact, typed.slice(0, key + 1));
    const next = contacts.slice();
    collectGarbage();
    const ms = timeMs(() => void suggest(next));
    if (key >= WARMUP) times.push(ms);
  }
  return times;
}

/** The contacts rows of the table. */
export function measureContacts(): Row[] {
  const size = `${CONTACTS / 1000}k contacts`;
  progress(`${size}: generating contacts and ${INTERACTIONS / 1000}k interactions`);
  const contacts = generateContacts();
  const interactions = linkedInteractions(contacts);

  // As the contacts screens do: one matcher for the journal, the dismissed suggestions and the
  // introductions already recorded left out, then the first page and the edited contact's share.
  const matcher = new IntroductionMatcher();
  let exclusions: MatchExclusions = {};
  const suggest = (list: readonly Contact[]) => {
    const suggestions = matcher.suggest(list, exclusions);
    return [suggestions.count, suggestions.first(20), suggestions.forContact(EDITED)];
  };

  progress(`${size}: introduction suggestions, first run`);
  let found = 0;
  const coldMs = timeMs(() => {
    found = matcher.suggest(contacts).count;
    suggest(contacts);
  });
  // Some suggestions dismissed and some introductions recorded, as in a journal in use.
  const every = matcher.suggest(contacts).first(Infinity);
  exclusions = {
    dismissed: new Set(every.filter((_, n) => n % 97 === 0).map((item) => item.key)),
    introductions: every
      .filter((_, n) => n % 251 === 0)
      .map((item, n) => ({
        needContactId: item.needContactId,
        offerContactId: item.offerContactId,
        need: item.need,
        offer: item.offer,
        id: `intro-${n}`,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        date: '2026-01-01',
        direction: 'made' as const,
        outcome: '',
        suggestionKey: item.key,
      })),
  };

  progress(`${size}: ${KEYSTROKES} keystrokes in one contact's need, then in an offer`);
  const needTimes = typeInto(
    contacts,
    'a plant manager for the night shift at our second factory in Porto, Portugal',
    (contact, text) => ({ ...contact, needs: [...contact.needs.slice(0, 1), text] }),
    suggest,
  );
  const offerTimes = typeInto(
    contacts,
    'plant management for food factories, night shifts included, and quality audits',
    (contact, text) => ({ ...contact, offers: [...contact.offers.slice(0, 1), text] }),
    suggest,
  );

  progress(`${size}: a contact page's figures over ${INTERACTIONS / 1000}k interactions`);
  const pageTimes = Array.from({ length: 9 }, (_, n) =>
    timeMs(() => void contactFigures(contacts[n * 100] as Contact, interactions)),
  );

  const keystrokeRows = (where: string, times: readonly number[]): Row[] => [
    {
      measure: `introduction suggestions after a keystroke in ${where} (median of ${KEYSTROKES})`,
      size,
      value: formatMs(median(times)),
      target: `< ${TARGET_MS} ms`,
      pass: median(times) < TARGET_MS,
    },
    {
      measure: `introduction suggestions after a keystroke in ${where} (95th percentile)`,
      size,
      value: formatMs(percentile(times, 0.95)),
      target: `< ${TARGET_MS} ms`,
      pass: percentile(times, 0.95) < TARGET_MS,
    },
  ];
  return [
    {
      measure: `introduction suggestions, first run (${found} found)`,
      size,
      value: formatMs(coldMs),
    },
    ...keystrokeRows('a need', needTimes),
    ...keystrokeRows('an offer', offerTimes),
    {
      measure: `contact page figures, 20k interactions (median of ${pageTimes.length})`,
      size,
      value: formatMs(median(pageTimes)),
    },
  ];
}
