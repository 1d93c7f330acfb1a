// Seeded generator of realistic journal entries for the benchmark: the same seed gives the
// same journal on every machine, so sizes are comparable from run to run.
import type { InteractionFields, InteractionKind, Relevance } from '../../shared/domain';
import { INTERACTION_KINDS } from '../../shared/domain';
import { seededRandom, type Random } from '../fixtures/random';

/** One interaction as a person would have logged it, with its reflection as plain paragraphs. */
export interface GeneratedEntry {
  readonly fields: InteractionFields;
  readonly reflection: string[];
  /** When it was logged (createdAt): some minutes to two days after it ended. */
  readonly loggedAt: string;
}

// prettier-ignore
export const FIRST_NAMES = [
  'Ana', 'Ben', 'Chidi', 'Dana', 'Elif', 'Farah', 'Gustavo', 'Hannah', 'Igor', 'Jun', 'Kemi',
  'Lars', 'María José', 'Noor', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Uma',
  'Valentina', 'Wei', 'Xavier', 'Yara', 'Zoë', 'Amadou', 'Bea', 'Carlos', 'Deepa', 'Émile',
  'Fatima', 'Grace', 'Hiroshi', 'Ines', 'Jonas', 'Kateryna', 'Luca', 'Mei', 'Nikolai',
];
// prettier-ignore
export const LAST_NAMES = [
  'Lopez', 'Ortiz', 'Okafor', 'Weiß', 'Yılmaz', 'Haddad', 'Pereira', 'Schmidt', 'Novak', 'Tanaka',
  'Adeyemi', 'Johansson', 'García', 'Rahman', 'Nilsson', 'Sharma', 'Dubois', 'Romano', 'Berg',
  'Fernández', 'Patel', 'Rossi', 'Zhang', 'Moreau', 'Costa', 'Kowalski', 'Diallo', 'Murphy', 'Kim',
  'Iyer', 'Lefèvre', 'Mensah', 'O’Brien', 'Sato', 'Almeida', 'Fischer', 'Shevchenko', 'Bianchi',
  'Chen', 'Petrov',
];
// prettier-ignore
export const ORGS = [
  'Acme Foods', 'Northwind Logistics', 'Bluebird Health', 'Kite Robotics', 'Solara Energy',
  'Fjord Analytics', 'Maple & Oak Consulting', 'Helix Bio', 'Cobalt Payments', 'Tidewater Ports',
  'Greenline Mobility', 'Quarry Labs', 'Atlas Insurance', 'Lumen Retail', 'Orbit Telecom',
];
// prettier-ignore
const TOPICS = [
  'supply chain planning', 'data engineering', 'product management', 'plant operations',
  'fundraising', 'hiring in operations', 'pricing strategy', 'B2B sales', 'machine learning',
  'sustainability reporting', 'procurement', 'customer success', 'lean manufacturing',
];
const CITIES = ['Madrid', 'Berlin', 'London', 'Lisbon', 'Amsterdam', 'Lagos', 'New York', 'Tokyo'];
// prettier-ignore
const VENUES = [
  'Café Comercial', 'The Hub coworking', 'WeWork Castellana', 'Impact Hub', 'Factory Berlin',
  'Second Home', 'the university alumni club', 'La Bicicleta café', 'Google Campus',
];
const HOME_ZONE = 'Europe/Madrid';
// prettier-ignore
const OTHER_ZONES = [
  'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo',
  'Africa/Lagos', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Sydney',
];

/** Typical durations in minutes by kind: [shortest, longest]. */
const DURATIONS: Record<InteractionKind, [number, number]> = {
  event: [60, 240],
  meetup: [60, 180],
  conference: [180, 540],
  coffee: [20, 90],
  meal: [45, 150],
  call: [10, 60],
  video: [15, 75],
  message: [0, 10],
  interview: [30, 90],
  other: [15, 180],
};

/** How many people one meets, by kind: [fewest, most] (at least one, at most four). */
const PEOPLE: Record<InteractionKind, [number, number]> = {
  event: [2, 4],
  meetup: [1, 4],
  conference: [2, 4],
  coffee: [1, 2],
  meal: [1, 3],
  call: [1, 2],
  video: [1, 3],
  message: [1, 1],
  interview: [1, 3],
  other: [1, 3],
};

interface Context {
  readonly person: string;
  readonly org: string;
  readonly topic: string;
  readonly city: string;
}

const TITLES: Record<InteractionKind, ((c: Context, r: Random) => string)[]> = {
  event: [
    (c) => `${c.org} open house`,
    (c) => `Founders & operators evening in ${c.city}`,
    (c) => `Networking night: ${c.topic}`,
  ],
  meetup: [
    (c, r) => `${c.city} ${c.topic} meetup #${10 + r.int(90)}`,
    (c) => `Meetup on ${c.topic} hosted by ${c.org}`,
  ],
  conference: [
    (c, r) => `${c.org} Summit – day ${1 + r.int(3)}`,
    (c) => `European conference on ${c.topic}`,
  ],
  coffee: [(c) => `Coffee with ${c.person}`, (c) => `Coffee with ${c.person} (${c.org})`],
  meal: [(c) => `Lunch with ${c.person}`, (c) => `Dinner with the ${c.org} team`],
  call: [(c) => `Call with ${c.person} about ${c.topic}`, (c) => `Intro call: ${c.org}`],
  video: [(c) => `Video call with ${c.person} (${c.org})`, (c) => `Zoom catch-up: ${c.person}`],
  message: [
    (c) => `Thank-you note to ${c.person}`,
    (c) => `LinkedIn message to ${c.person}`,
    (c) => `Follow-up email to ${c.person} at ${c.org}`,
  ],
  interview: [
    (c) => `Informational interview with ${c.person}`,
    (c) => `${c.org} – first-round interview`,
  ],
  other: [(c) => `Alumni mentoring session with ${c.person}`, (c) => `Volunteering at ${c.org}`],
};

const INTENTS: ((c: Context) => string)[] = [
  (c) => `Learn how ${c.org} hires for ${c.topic}`,
  (c) => `Understand what a good first year in ${c.topic} looks like at ${c.org}`,
  (c) => `Get an introduction to the ${c.topic} lead at ${c.org}`,
  (c) => `Meet two or three people who work in ${c.topic} in ${c.city}`,
  (c) => `Ask ${c.person} for honest feedback on my CV and on how I pitch my move into ${c.topic}`,
  (c) => `Find out whether ${c.org} is growing its team this year`,
];
const OUTCOMES: ((c: Context) => string)[] = [
  (c) => `${c.person} offered to introduce me to their head of operations`,
  () => `Two good conversations, many sales pitches`,
  (c) => `Learned that ${c.org} only hires through referrals for ${c.topic} roles`,
  (c) =>
    `Useful map of who decides what at ${c.org}; the budget for ${c.topic} is frozen until spring`,
  (c) => `Nothing concrete, but ${c.person} knows everyone in ${c.topic} in ${c.city}`,
  (c) =>
    `A warm lead: ${c.org} opens a ${c.topic} position next quarter and ${c.person} will flag me`,
];
const NEXT_STEPS: ((c: Context) => string)[] = [
  (c) => `Send ${c.person} my CV and a short note by Friday`,
  (c) => `Connect with ${c.person} on LinkedIn`,
  (c) => `Read the ${c.org} annual report before the follow-up`,
  (c) => `Ask ${c.person} for the intro in two weeks if I have not heard back`,
  () => `Thank-you message tomorrow morning`,
];
const SENTENCES: ((c: Context) => string)[] = [
  (c) => `${c.person} was more open than I expected and talked candidly about ${c.topic}.`,
  (c) => `The room was loud, so the best part was the twenty minutes outside with ${c.person}.`,
  () => `I talked too much about myself in the first minutes and should ask more questions.`,
  (c) => `${c.org} seems to reorganise every year, which explains the vague job descriptions.`,
  () => `Half the people there were selling something; next time I will pick smaller events.`,
  (c) =>
    `What stuck with me: in ${c.topic}, the people who get hired are the ones who already helped.`,
  () => `I left with a clear picture of the next step instead of a vague promise to stay in touch.`,
  (c) =>
    `${c.person} suggested I stop applying online and ask for a conversation with the team lead.`,
  () => `Energy was low after a long day, and it showed in how I followed up on questions.`,
  (c) => `The numbers they shared about ${c.topic} were better than what I had read.`,
  () => `It was worth the two hours mostly because of one conversation at the end.`,
  (c) => `I should prepare a two-sentence version of why ${c.topic} and why now.`,
  (c) => `${c.city} has a smaller community than I thought, so reputation travels fast.`,
  () => `Next time I will bring a concrete question rather than hoping the conversation finds one.`,
  (c) => `${c.person} mentioned a reading list; I wrote down three of the titles.`,
  () => `Honestly, this felt like a favour more than a conversation, and that is fine for now.`,
];

function fill(list: readonly ((c: Context) => string)[], c: Context, r: Random): string {
  return r.pick(list)(c);
}

function personName(r: Random): string {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}

function between(r: Random, [low, high]: readonly [number, number]): number {
  return low + r.int(high - low + 1);
}

function relevance(r: Random): Relevance | null {
  if (r.chance(0.12)) return null; // not rated yet
  const weights = [0.1, 0.2, 0.3, 0.25, 0.15];
  let x = r.next();
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] as number;
    if (x < 0) return (i + 1) as Relevance;
  }
  return 5;
}

/** 2–4 paragraphs, about 500 characters in all on average (most between 330 and 680). */
function reflection(c: Context, r: Random): string[] {
  const paragraphs = 2 + r.int(3);
  const total = 340 + r.int(241);
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const target = total / paragraphs;
    let text = '';
    while (text.length < target - 30) text += (text ? ' ' : '') + fill(SENTENCES, c, r);
    out.push(text);
  }
  return out;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The newest entries end here; the oldest are about three years earlier. */
const LAST_DAY = Date.UTC(2026, 10, 24);
const SPAN_DAYS = 3 * 365;

/** One realistic entry. */
function entry(r: Random): GeneratedEntry {
  const kind = r.pick(INTERACTION_KINDS);
  const people = Array.from({ length: between(r, PEOPLE[kind]) }, () => personName(r));
  const c: Context = {
    person: people[0] as string,
    org: r.pick(ORGS),
    topic: r.pick(TOPICS),
    city: r.pick(CITIES),
  };
  // Daytime in quarter hours (UTC; the zone is mostly the person's home zone).
  const start = LAST_DAY - r.int(SPAN_DAYS) * DAY_MS + (7 * 4 + r.int(14 * 4)) * 15 * 60 * 1000;
  const durationMinutes = between(r, DURATIONS[kind]);
  const logged = start + durationMinutes * 60_000 + r.int(48 * 60) * 60_000;
  const place =
    kind === 'message'
      ? r.pick(['LinkedIn', 'Email', 'WhatsApp'])
      : kind === 'call' || kind === 'video'
        ? r.pick(['Phone', 'Zoom', 'Google Meet', 'Teams'])
        : `${r.pick(VENUES)}, ${c.city}`;
  const rated = relevance(r);
  const nextStep = r.chance(0.75) ? fill(NEXT_STEPS, c, r) : '';
  const due = nextStep ? start + (1 + r.int(14)) * DAY_MS : null;
  const done = due !== null && due < LAST_DAY && r.chance(0.7) ? due - r.int(3) * DAY_MS : null;
  return {
    fields: {
      startedAt: new Date(start).toISOString(),
      timeZone: r.chance(0.8) ? HOME_ZONE : r.pick(OTHER_ZONES),
      durationMinutes,
      kind,
      title: r.pick(TITLES[kind])(c, r),
      place,
      people,
      relevance: rated,
      intent: r.chance(0.9) ? fill(INTENTS, c, r) : '',
      outcome: r.chance(rated === null ? 0.5 : 0.9) ? fill(OUTCOMES, c, r) : '',
      nextStep,
      nextStepDue: due === null ? null : new Date(due).toISOString().slice(0, 10),
      nextStepDone: done === null ? null : new Date(done).toISOString().slice(0, 10),
    },
    reflection: reflection(c, r),
    loggedAt: new Date(logged).toISOString(),
  };
}

/** `count` entries from `seed`: the same seed always gives the same entries. */
export function generateEntries(count: number, seed = 20261125): GeneratedEntry[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, () => entry(r));
}
