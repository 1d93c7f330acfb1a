// The goals rows of `npm run bench`: the relevance suggestion worked out on every keystroke of
// the interaction form, with 5,000 contacts and a 20k journal, and the goals' hours for a month.
import { buildJournalFacts, DEFAULT_ANALYTICS_SETTINGS, monthPeriod } from '../../shared/analytics';
import type { Contact, Goal, GoalFields, Interaction } from '../../shared/domain';
import { EMPTY_CONTACT } from '../../shared/domain';
import { goalFiguresFor, suggestRelevance, type RelevanceDraft } from '../../shared/goals';
import { seededRandom } from '../fixtures/random';
import { FIRST_NAMES, LAST_NAMES, ORGS, type GeneratedEntry } from './generate';
import { median, percentile, progress, timeMs } from './stats';

export const CONTACTS = 5_000;
/** How many logged interactions are typed again, title letter by letter. */
const TYPED = 300;

// prettier-ignore
const ROLES = [
  'Plant manager', 'Head of operations', 'Recruiter', 'Data engineer', 'Product manager',
  'Supply chain planner', 'Founder', 'Sales director', 'Procurement lead', 'CFO',
];

const GOALS: readonly GoalFields[] = [
  {
    kind: 'role',
    description: 'Plant manager in food manufacturing',
    activeFrom: '2020-01-01',
    activeTo: null,
  },
  { kind: 'company', description: 'Acme Foods', activeFrom: '2020-01-01', activeTo: null },
  { kind: 'company', description: 'Northwind Logistics', activeFrom: '2020-01-01', activeTo: null },
  {
    kind: 'industry',
    description: 'Lean manufacturing and plant operations',
    activeFrom: '2020-01-01',
    activeTo: null,
  },
  {
    kind: 'role',
    description: 'Head of supply chain planning',
    activeFrom: '2020-01-01',
    activeTo: null,
  },
  {
    kind: 'place',
    description: 'Work in Madrid or Valencia',
    activeFrom: '2020-01-01',
    activeTo: null,
  },
  {
    kind: 'industry',
    description: 'Renewable energy',
    activeFrom: '2020-01-01',
    activeTo: '2025-12-31',
  },
  {
    kind: 'role',
    description: 'Data engineering lead',
    activeFrom: '2020-01-01',
    activeTo: '2024-06-30',
  },
  {
    kind: 'other',
    description: 'Learn pricing strategy',
    activeFrom: '2027-01-01',
    activeTo: null,
  },
  { kind: 'company', description: 'Kite Robotics', activeFrom: '2027-01-01', activeTo: null },
];

const STAMP = '2026-01-01T00:00:00.000Z';

/** The goals above as a snapshot holds them. */
function benchGoals(): Goal[] {
  return GOALS.map((fields, index) => ({
    ...fields,
    id: `goal-${index}`,
    createdAt: STAMP,
    updatedAt: STAMP,
  }));
}

/** 5,000 contacts, by name as the snapshot sorts them: every name the journal uses, and more. */
function benchContacts(): Contact[] {
  const r = seededRandom(5000);
  const contacts: Contact[] = [];
  for (let index = 0; contacts.length < CONTACTS; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string;
    const round = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length));
    const middle = round === 0 ? '' : ` ${String.fromCharCode(64 + round)}.`;
    contacts.push({
      ...EMPTY_CONTACT,
      name: `${first}${middle} ${last}`,
      organisation: r.pick(ORGS),
      role: r.pick(ROLES),
      id: `contact-${index}`,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
  }
  return contacts.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every keystroke of typing the title again of some logged interactions (other fields filled). */
function keystrokes(list: readonly Interaction[]): RelevanceDraft[] {
  const drafts: RelevanceDraft[] = [];
  const step = Math.max(1, Math.floor(list.length / TYPED));
  for (let index = 0; index < list.length && drafts.length < TYPED * 80; index += step) {
    const item = list[index] as Interaction;
    const base = { ...item, day: item.startedAt.slice(0, 10) };
    for (let length = 1; length <= item.title.length; length++) {
      drafts.push({ ...base, title: item.title.slice(0, length) });
    }
  }
  return drafts;
}

export interface GoalsResult {
  readonly keystrokes: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** The first suggestion after the goals or contacts list changed: indexes built again. */
  readonly rebuildMs: number;
  /** Hours per goal for a month of the journal (facts already built, as on the report). */
  readonly monthMs: number;
}

export function measureGoals(entries: readonly GeneratedEntry[], list: Interaction[]): GoalsResult {
  const goals = benchGoals();
  const contacts = benchContacts();
  const drafts = keystrokes(list);
  progress(`goals: ${drafts.length} keystrokes with ${contacts.length} contacts`);
  let matched = 0;
  const rebuilds = Array.from({ length: 9 }, () => {
    const [freshGoals, freshContacts] = [[...goals], [...contacts]];
    return timeMs(() => {
      if (suggestRelevance(freshGoals, freshContacts, drafts[0] as RelevanceDraft)) matched++;
    });
  });
  const times = drafts.map((draft) =>
    timeMs(() => {
      if (suggestRelevance(goals, contacts, draft)?.goalIds.length) matched++;
    }),
  );

  // Link a third of the journal to a goal or two, then count a month's hours per goal.
  const linked = list.map((item, index) =>
    index % 3 === 0
      ? { ...item, goalIds: [`goal-${index % 6}`, `goal-${(index + 1) % 10}`] }
      : item,
  );
  const facts = buildJournalFacts(linked, DEFAULT_ANALYTICS_SETTINGS, 'Europe/Madrid');
  const month = monthPeriod('2026-11');
  const months = Array.from({ length: 9 }, () =>
    timeMs(() => {
      matched += goalFiguresFor(facts, goals, month).goals.length;
    }),
  );
  progress(`goals: ${matched} suggestions and figures (${entries.length} entries)`);
  return {
    keystrokes: drafts.length,
    medianMs: median(times),
    p95Ms: percentile(times, 0.95),
    maxMs: Math.max(...times),
    rebuildMs: median(rebuilds),
    monthMs: median(months),
  };
}
