import type {
  Availability,
  ConsentRecord,
  ContactMethod,
  CustomerStatus,
  CustomerValues,
  EqualityData,
  RecruitmentSource,
  ServiceArea,
  SupportNeed,
  Tenure,
} from '../../../src-shared/domain/customer';
import { serviceAreas, skillOptions } from '../../../src-shared/domain/customer';
import { ageBandFor } from '../../../src-shared/rules/customer-age';
import { formExamples } from '../../../src-shared/rules/uk-formats';

/**
 * Plausible involved customers for the demo organisation, the same every
 * time for the same seed. Contact details use the ranges set aside for
 * drama (07700 900xxx, 01632 960xxx) and example.* mail domains, so no
 * demo record reaches a real person.
 */

export interface Placement {
  landlordKey: string;
  landlordId: string;
  areaId: string;
  areaName: string;
  neighbourhoods: { id: string; name: string }[];
}

/** mulberry32: small, fast and good enough for demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

/** One of the thousand numbers of a drama range, never the form's own hint example. */
export function dramaNumber(prefix: string, n: number): string {
  const hinted = Object.values(formExamples) as string[];
  for (let k = 0; ; k++) {
    const number = `${prefix}${String((n + k) % 1000).padStart(3, '0')}`;
    if (!hinted.includes(number)) return number;
  }
}

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

function some<T>(random: Random, list: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(random() * (max - min + 1));
  const chosen = new Set<T>();
  while (chosen.size < Math.min(n, list.length)) chosen.add(pick(random, list));
  return list.filter((x) => chosen.has(x));
}

const womensNames = {
  older: [
    'Margaret',
    'Jean',
    'Patricia',
    'Maureen',
    'Irene',
    'Doreen',
    'Brenda',
    'Sheila',
    'Joan',
    'Eileen',
    'Pauline',
    'Carol',
    'Christine',
    'Linda',
    'Susan',
    'Barbara',
  ],
  middle: [
    'Karen',
    'Julie',
    'Tracey',
    'Michelle',
    'Lisa',
    'Joanne',
    'Donna',
    'Dawn',
    'Angela',
    'Nicola',
    'Claire',
    'Kelly',
    'Sarah',
    'Helen',
    'Emma',
    'Gemma',
  ],
  young: [
    'Chloe',
    'Amy',
    'Jessica',
    'Megan',
    'Ellie',
    'Holly',
    'Lauren',
    'Sophie',
    'Olivia',
    'Amelia',
    'Zoë',
    'Aisha',
    'Freya',
    'Grace',
    'Leah',
    'Jade',
  ],
};
const mensNames = {
  older: [
    'John',
    'William',
    'Robert',
    'George',
    'Kenneth',
    'Ronald',
    'Brian',
    'Peter',
    'Alan',
    'Derek',
    'Michael',
    'David',
    'Raymond',
    'Thomas',
    'Norman',
    'Dennis',
  ],
  middle: [
    'Paul',
    'Mark',
    'Lee',
    'Darren',
    'Craig',
    'Gary',
    'Stephen',
    'Andrew',
    'Neil',
    'Shaun',
    'Wayne',
    'Jason',
    'Christopher',
    'Richard',
    'Ian',
    'Martin',
  ],
  young: [
    'Jack',
    'Liam',
    'Connor',
    'Callum',
    'Jordan',
    'Ryan',
    'Kieran',
    'Harry',
    'Mohammed',
    'Ethan',
    'Josh',
    'Tyler',
    'Dylan',
    'Kyle',
    'Bradley',
    'Adam',
  ],
};
const surnames = [
  'Smith',
  'Jones',
  'Brown',
  'Taylor',
  'Wilson',
  'Robinson',
  'Thompson',
  'Walker',
  'Wood',
  'Hall',
  'Johnson',
  'Jackson',
  'Wright',
  'White',
  'Harrison',
  'Clarke',
  'Atkinson',
  'Bell',
  'Dixon',
  'Stephenson',
  'Richardson',
  'Hutchinson',
  'Pearson',
  'Watson',
  'Metcalfe',
  'Hodgson',
  'Bainbridge',
  'Carter',
  'Kirby',
  'Lister',
  'Pybus',
  'Stainsby',
  'Dobson',
  'Appleton',
  'Cooper',
  'Fawcett',
  'Hebden',
  'Coates',
  'Moody',
  'Readman',
  'Featherstone',
  'Winspear',
  "O'Neill",
  'McGuinness',
  'Murphy',
  'Kelly',
  'Hussain',
  'Khan',
  'Ahmed',
  'Ali',
  'Begum',
  'Kowalski',
  'Nowak',
  'Patel',
  'Singh',
  'Mensah',
  'Scott',
  'Turner',
  'Young',
  'Lee',
  'Shaw',
  'Wilkinson',
  'Hughes',
  'Green',
  'Marshall',
  'Chapman',
  'Armstrong',
  'Sanderson',
  'Swales',
  'Tweddle',
  'Ward',
];
const nicknames: Record<string, string> = {
  Margaret: 'Peggy',
  Patricia: 'Pat',
  William: 'Bill',
  Robert: 'Bob',
  Kenneth: 'Ken',
  Ronald: 'Ron',
  Christopher: 'Chris',
  Stephen: 'Steve',
  Michael: 'Mick',
  Thomas: 'Tom',
  Jessica: 'Jess',
  Andrew: 'Andy',
  Richard: 'Rick',
  Christine: 'Chris',
  Susan: 'Sue',
  Barbara: 'Babs',
};
const streets = [
  'Acklam Road',
  'Marton Road',
  'Cargo Fleet Lane',
  'Ormesby Road',
  'Norton Road',
  'Oxbridge Lane',
  'Durham Road',
  'Station Road',
  'Church Lane',
  'Park Avenue',
  'Westbourne Grove',
  'Hartington Road',
  'Thornfield Road',
  'Lowfield Avenue',
  'Cumberland Road',
  'Eskdale Road',
  'Wensleydale Close',
  'Teesdale Way',
  'Raby Road',
  'Catcote Road',
  'Seaton Lane',
  'Tees Street',
  'Grangetown Road',
  'Redcar Lane',
  'Kirkleatham Lane',
  'Coniston Road',
  'Allendale Road',
  'Beech Grove',
  'Elm Tree Avenue',
  'Rowan Court',
  'Hawthorn Close',
  'Ash Green',
  'Sycamore Road',
  'Fir Tree Drive',
];

// Postcode districts and post towns by area, so each customer's address reads true.
const districtsByArea: Record<string, { town: string; districts: string[] }> = {
  Middlesbrough: { town: 'Middlesbrough', districts: ['TS1', 'TS3', 'TS4', 'TS5', 'TS7', 'TS8'] },
  'Stockton-on-Tees': {
    town: 'Stockton-on-Tees',
    districts: ['TS16', 'TS17', 'TS18', 'TS19', 'TS20', 'TS21', 'TS22', 'TS23'],
  },
  Hartlepool: { town: 'Hartlepool', districts: ['TS24', 'TS25', 'TS26', 'TS27'] },
  'Redcar and Cleveland': { town: 'Redcar', districts: ['TS6', 'TS10', 'TS11', 'TS12', 'TS13'] },
  Darlington: { town: 'Darlington', districts: ['DL1', 'DL3'] },
  'County Durham': { town: 'Newton Aycliffe', districts: ['DL4', 'DL5'] },
  'North Yorkshire': { town: 'Guisborough', districts: ['TS14', 'YO21'] },
  'Tyne and Wear': { town: 'Gateshead', districts: ['NE8', 'NE9', 'SR4'] },
};
const fallbackDistricts = {
  town: 'Middlesbrough',
  districts: ['TS2', 'TS9', 'TS15', 'TS28', 'TS29'],
};
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

const notesSamples = [
  'Prefers meetings after 6pm because of work.',
  'Keen to join the next estate walkabout.',
  'Came to the Open Day with a neighbour; interested in the Scrutiny Panel.',
  'Needs a lift to meetings outside Hartlepool.',
  'Has experience as a school governor.',
  'Raised damp and mould concerns at the roadshow: passed to repairs.',
  'Would like training on reading performance reports.',
  'Ex-councillor; very knowledgeable about local services.',
  'Only available during school hours.',
  'Wants to help with the newsletter.',
];

const interestsFor: readonly ServiceArea[] = [
  'repairs',
  'building_safety',
  'estates_neighbourhoods',
  'anti_social_behaviour',
  'complaints',
  'rents_income',
  'tenancy_lettings',
  'new_homes',
  'customer_service',
  'digital_services',
  'communications',
  'community_investment',
  'value_for_money',
  'policy',
  'equality_diversity',
];
const supportList: readonly SupportNeed[] = [
  'step_free_access',
  'hearing_loop',
  'large_print',
  'easy_read',
  'bsl_interpreter',
  'language_interpreter',
  'transport',
  'carer_attends',
  'childcare',
  'quiet_space',
  'digital_support',
];

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function daysBefore(today: Date, days: number): Date {
  return new Date(today.getTime() - days * 86_400_000);
}

/** One demo customer: the `i`th of a run, placed by the caller. */
export function demoCustomer(
  random: Random,
  i: number,
  place: Placement,
  today: Date,
): CustomerValues {
  const youngVoice = random() < 0.06;
  const age = youngVoice
    ? 14 + Math.floor(random() * 11)
    : weighted(random, [
        [16 + Math.floor(random() * 14), 1],
        [30 + Math.floor(random() * 20), 3],
        [50 + Math.floor(random() * 25), 4],
        [75 + Math.floor(random() * 16), 1.5],
      ] as const);
  const woman = random() < 0.6;
  const cohort = age < 30 ? 'young' : age < 55 ? 'middle' : 'older';
  const firstName = pick(random, (woman ? womensNames : mensNames)[cohort]);
  const lastName = pick(random, surnames);
  const preferredName = nicknames[firstName] && random() < 0.35 ? nicknames[firstName]! : null;

  const birth = daysBefore(today, Math.floor((age + random()) * 365.25));
  const dateOfBirth = random() < 0.9 ? isoDate(birth) : null;

  const { town, districts } = districtsByArea[place.areaName] ?? fallbackDistricts;
  const district = pick(random, districts);
  const postcode = `${district} ${Math.floor(random() * 10)}${pick(random, [...inwardLetters])}${pick(random, [...inwardLetters])}`;
  const hood = place.neighbourhoods.length > 0 ? pick(random, place.neighbourhoods) : null;

  const online = age < 65 ? random() < 0.85 : random() < 0.45;
  const email =
    online && random() < 0.85
      ? `${firstName}.${lastName}${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') +
        `@${pick(random, ['example.com', 'example.org', 'example.net'])}`
      : null;
  const mobile = random() < 0.8 ? dramaNumber('07700 900', i) : null;
  const phone = age > 50 && random() < 0.5 ? dramaNumber('01632 960', i * 7) : null;

  const tenure: Tenure =
    place.landlordKey === 'tcs'
      ? 'care_support_client'
      : weighted(random, [
          ['tenant', 85],
          ['leaseholder', 7],
          ['shared_owner', 8],
        ] as const);
  const status: CustomerStatus = weighted(random, [
    ['active', 55],
    ['interested', 25],
    ['paused', 12],
    ['left', 8],
  ] as const);

  const interests = some(random, interestsFor, 1, 4);
  if (youngVoice || age <= 24) interests.push('young_people');
  if (tenure === 'care_support_client') interests.push('care_support');
  if (tenure !== 'tenant' && tenure !== 'care_support_client') interests.push('home_ownership');

  const contactMethods: ContactMethod[] = [];
  if (email) contactMethods.push('email');
  if (mobile) contactMethods.push(random() < 0.5 ? 'text' : 'phone');
  if (!email || random() < 0.2) contactMethods.push('post');

  const availability: Availability[] = some(
    random,
    ['daytime', 'evening', 'weekend'] as const,
    1,
    2,
  );
  if (online && random() < 0.6) availability.push('online');
  if (random() < 0.8) availability.push('in_person');

  const joinedDaysAgo = Math.floor(random() * 365 * 6) + 10;
  const joinedOn = isoDate(daysBefore(today, joinedDaysAgo));
  const hasEquality = random() < 0.6;
  const consents: ConsentRecord[] = [
    {
      purpose: 'register',
      givenOn: joinedOn,
      method: weighted(random, [
        ['paper_form', 5],
        ['online_form', 4],
        ['phone', 2],
        ['in_person', 2],
      ] as const),
      withdrawnOn: null,
      note: null,
    },
  ];
  if (status !== 'left' || random() < 0.3)
    consents.push({
      purpose: 'contact',
      givenOn: joinedOn,
      method: consents[0]!.method,
      withdrawnOn: null,
      note: null,
    });
  if (hasEquality)
    consents.push({
      purpose: 'equality_monitoring',
      givenOn: joinedOn,
      method: consents[0]!.method,
      withdrawnOn: null,
      note: null,
    });
  if (random() < 0.4) {
    const withdrawn =
      random() < 0.1 ? isoDate(daysBefore(today, Math.floor(random() * joinedDaysAgo))) : null;
    consents.push({
      purpose: 'photographs',
      givenOn: joinedOn,
      method: 'paper_form',
      withdrawnOn: withdrawn,
      note: null,
    });
  }

  const equality: EqualityData | null = hasEquality
    ? {
        ageBand: dateOfBirth ? null : age >= 10 ? ageBandFor(age) : null,
        gender: woman
          ? weighted(random, [
              ['woman', 95],
              ['prefer_not', 4],
              ['non_binary', 1],
            ] as const)
          : weighted(random, [
              ['man', 95],
              ['prefer_not', 4],
              ['non_binary', 1],
            ] as const),
        ethnicity: weighted(random, [
          ['white_british', 88],
          ['white_other', 3],
          ['asian', 4],
          ['black', 1.5],
          ['mixed', 1.5],
          ['arab', 0.5],
          ['other', 0.5],
          ['prefer_not', 1],
        ] as const),
        disability: weighted(random, [
          ['no', 62],
          ['yes', 30],
          ['prefer_not', 8],
        ] as const),
        sexualOrientation: weighted(random, [
          ['heterosexual', 85],
          ['gay_lesbian', 3],
          ['bisexual', 2],
          ['prefer_not', 10],
        ] as const),
        religion: weighted(random, [
          ['christian', 45],
          ['none', 40],
          ['muslim', 5],
          ['other', 2],
          ['prefer_not', 8],
        ] as const),
      }
    : null;

  const recruitmentSource: RecruitmentSource = weighted(random, [
    ['roadshow', 18],
    ['door_knocking', 10],
    ['open_day', 8],
    ['website', 12],
    ['social_media', 10],
    ['newsletter', 8],
    ['staff_referral', 12],
    ['tenancy_signup', 6],
    ['survey', 6],
    ['tara', 5],
    ['word_of_mouth', 4],
    ['complaint', 1],
  ] as const);

  return {
    externalRef:
      random() < 0.85 ? `${place.landlordKey.toUpperCase()}-${String(100000 + i)}` : null,
    firstName,
    lastName,
    preferredName,
    email,
    phone,
    mobile,
    addressLine1: `${1 + Math.floor(random() * 180)} ${pick(random, streets)}`,
    addressLine2: hood?.name ?? null,
    town,
    postcode,
    landlordId: place.landlordId,
    areaId: place.areaId,
    neighbourhoodId: hood?.id ?? null,
    tenure,
    dateOfBirth,
    contactMethods,
    digitalAccess: online ? (random() < 0.75 ? 'confident' : 'with_support') : 'none',
    supportNeeds: random() < 0.2 ? some(random, supportList, 1, 2) : [],
    supportNotes: null,
    availability,
    interests: serviceAreas.codes.filter((code) => interests.includes(code)),
    skills: random() < 0.7 ? some(random, skillOptions.codes, 1, 4) : [],
    recruitmentSource,
    status,
    isBoardMember: status === 'active' && !youngVoice && random() < 0.01,
    codeOfConductSignedOn:
      status === 'active' && random() < 0.75
        ? isoDate(daysBefore(today, Math.floor(random() * joinedDaysAgo)))
        : null,
    consents,
    notes: random() < 0.2 ? pick(random, notesSamples) : null,
    equality,
  };
}
