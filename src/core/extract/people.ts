/**
 * People a text introduces, with the roles it gives them, so that later "she", "the mayor" or
 * "Smith" can be resolved to the name: "Mayor of Hackney Jane Smith", "campaigner Ian Roe",
 * "Marcus Barnett, the borough commander", "the borough commander, Marcus Barnett".
 */
export interface Person {
  name: string;
  surname: string;
  roles: Set<string>;
  gender: 'm' | 'f' | null;
}

const word = `[A-Z][a-zA-Z'’]*[a-z](?:-[A-Z][a-z]+)?`;
const namePattern = `${word}(?:\\s+${word}){1,2}`;

/** Police ranks and other titles written before a name, with the roles they give. */
const titleRoles: Array<[string, string[]]> = [
  ['Mayor of [A-Z][a-z]+(?: [A-Z][a-z]+)?', ['mayor']],
  ['Deputy Mayor(?: for [A-Z][a-z]+(?: [A-Z][a-z]+)*)?', ['deputy mayor']],
  ['Detective Chief Superintendent', ['chief superintendent', 'superintendent', 'officer', 'detective']],
  ['Chief Superintendent', ['chief superintendent', 'superintendent', 'officer']],
  ['Det(?:ective)? Supt|Detective Superintendent|Superintendent|Supt\\.?', ['superintendent', 'officer']],
  ['Detective Chief Inspector|DCI', ['chief inspector', 'inspector', 'officer', 'detective']],
  ['Chief Inspector', ['chief inspector', 'inspector', 'officer']],
  ['Detective Inspector|DI', ['inspector', 'officer', 'detective']],
  ['Inspector|Insp\\.?', ['inspector', 'officer']],
  ['Detective Sergeant|DS', ['sergeant', 'officer', 'detective']],
  ['Sergeant|Sgt\\.?', ['sergeant', 'officer']],
  ['Police Constable|PC|Detective Constable|DC', ['constable', 'officer']],
  ['Deputy Assistant Commissioner|Assistant Commissioner', ['assistant commissioner', 'commissioner']],
  ['Commissioner', ['commissioner']],
  ['Commander|Cmdr\\.?', ['commander', 'officer']],
  ['Councillor|Cllr\\.?', ['councillor']],
  ['Professor|Prof\\.?', ['professor']],
  ['Reverend|Rev\\.?|Pastor|Imam|Rabbi|Father', ['minister']],
  ['Dr\\.?|Sir|Dame|Lord|Baroness', []],
  ['Mr\\.?', []],
  ['Mrs\\.?|Ms\\.?|Miss', []]
];
export const titlePattern = titleRoles.map(([t]) => t).join('|');

/** Nouns that name a role in a sentence ("the mayor said"); the first word of a compound role. */
export const roleNouns =
  'mayor|commander|spokesperson|spokeswoman|spokesman|councillor|superintendent|inspector|sergeant|officer|constable|' +
  'commissioner|chair|chairman|chairwoman|campaigner|resident|witness|trader|stallholder|organiser|activist|lawyer|' +
  'solicitor|director|leader|minister|MP|mother|father|parent|owner|worker|teacher|headteacher|pastor|imam|vicar|' +
  'coordinator|founder|member|manager|chief|detective|student|shopkeeper|landlord|neighbour';
const capitalised = (w: string) => w[0].toUpperCase() + w.slice(1);
/** A role noun as written before a name, at the start of a sentence or not: "Stallholder Ama Boateng". */
const roleNounsAnyCase = `${roleNouns}|${roleNouns.split('|').map(capitalised).join('|')}`;
const roleRe = new RegExp(`\\b(${roleNouns})\\b`, 'gi');

/** Capitalised words that begin sentences or name places and bodies, not people. */
const notNames = new Set(
  ('The A An This That These Those It He She They We I Police Met Metropolitan Council Mayor Road Street Market ' +
    'Station London Hackney Borough Officers Residents Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'January February March April May June July August September October November December Home Office Scotland Yard ' +
    'Labour Conservative Green Party Service Stop Search Group Independent IOPC But And In On At When While After ' +
    'Yesterday Today Earlier Later Speaking Meanwhile Asked Writing Outside Inside Last Next').split(' ')
);
for (const r of roleNouns.split('|')) notNames.add(capitalised(r));
for (const w of 'Mr Mrs Ms Miss Dr Sir Dame Lord Baroness Cllr Councillor PC DC DS DI DCI Supt Sgt Insp Det Prof Rev'.split(' ')) notNames.add(w);
// Not "Lane": a surname as often as a street; a street's span is excluded from people anyway.
for (const w of 'Avenue Grove Place Square Gardens Terrace Close Crescent Way Walk Row Parade Mews Drive Yard Estate Park Junction Central Hall Library Hospital'.split(' ')) notNames.add(w);
export const looksLikeName = (s: string) => s.split(/\s+/).every((w) => !notNames.has(w));

/** "But Abdul Rahman" -> "Abdul Rahman"; null when fewer than two name words remain. */
function cleanName(s: string): string | null {
  const words = s.split(/\s+/);
  while (words.length && notNames.has(words[0])) words.shift();
  return words.length >= 2 && looksLikeName(words.join(' ')) ? words.join(' ') : null;
}

const femaleTitle = /^(Mrs|Ms|Miss|Dame|Baroness|Lady)\b/;
const maleTitle = /^(Mr|Sir|Lord|Father)\b/;

/** A short list of first names, used only to choose between "he" and "she". */
const female = new Set('Jane Mary Sarah Ann Anne Anna Ama Amina Fatima Grace Joy Lucy Emma Chloe Sophie Olivia Aisha Zainab Rachel Ruth Helen Claire Kate Laura Priya Nadia Leah Maya Maria Rosa Yasmin Funmi Ngozi Abena Esther Diane Janet Susan Karen Julie Lisa Sandra Angela Patricia Elizabeth Hannah Rebecca Amara Simone Keisha Tamsin Dolores Bernice Imogen Harriet'.split(' '));
const male = new Set('John James David Michael Marcus Tom Thomas Ian Peter Paul Mark Daniel Samuel Sam Joseph Kwame Kofi Ahmed Mohammed Ali Omar Tunde Femi Chris Andrew Richard Robert Stephen Steve Gary Kevin Jason Ryan Liam Adam Ben Luke Matthew Simon Tony Dwayne Winston Errol Delroy Leon Jamal Tariq Hassan Ibrahim Patrick Sean Colin Neil Alan Graham Desmond Nathan Aaron Joel'.split(' '));

function genderOf(name: string, title = ''): Person['gender'] {
  if (femaleTitle.test(title)) return 'f';
  if (maleTitle.test(title)) return 'm';
  const first = name.split(/\s+/)[0];
  return female.has(first) ? 'f' : male.has(first) ? 'm' : null;
}

export class People {
  readonly byName = new Map<string, Person>();

  /** Adds or updates a person; returns the person (an existing one when a surname matches). */
  add(name: string, roles: Iterable<string> = [], title = ''): Person {
    const clean = name.replace(/\s+/g, ' ').trim();
    const p = this.byName.get(clean) ?? this.bySurname(clean) ?? this.create(clean, title);
    for (const r of roles) p.roles.add(r.toLowerCase());
    p.gender ??= genderOf(p.name, title);
    return p;
  }

  private create(name: string, title: string): Person {
    const p: Person = { name, surname: name.split(' ').at(-1)!, roles: new Set(), gender: genderOf(name, title) };
    this.byName.set(name, p);
    return p;
  }

  /** A single surname ("Smith") or a title and surname ("Ms Smith") of a person already named. */
  bySurname(text: string): Person | null {
    const last = text.split(' ').at(-1);
    if (text.split(' ').length > 1 && this.byName.has(text)) return this.byName.get(text)!;
    const hits = [...this.byName.values()].filter((p) => p.surname === last || p.name === text);
    return hits.length === 1 ? hits[0] : null;
  }

  withRole(role: string): Person[] {
    return [...this.byName.values()].filter((p) => p.roles.has(role.toLowerCase()));
  }
}

/** Roles named in a phrase: "the Mayor of Hackney" -> mayor, mayor of hackney. */
export function rolesIn(phrase: string): string[] {
  const roles = [...phrase.matchAll(roleRe)].map((m) => m[1].toLowerCase());
  const of = /\b(mayor|leader|chair|director) of ([A-Z][\w'’]*(?: [A-Z][\w'’]*)*)/i.exec(phrase);
  if (of) roles.push(`${of[1]} of ${of[2]}`.toLowerCase());
  return roles;
}

function rolesOfTitle(title: string): string[] {
  for (const [t, roles] of titleRoles) if (new RegExp(`^(?:${t})$`).test(title)) return roles;
  return [];
}

const titled = new RegExp(`\\b(${titlePattern})\\s+(${namePattern})`, 'g');
const roleThenName = new RegExp(`\\b(${roleNounsAnyCase})\\s+(${namePattern})`, 'g');
const determiner = `(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[\\w]+['’]s)`;
const nameThenRole = new RegExp(`\\b(${namePattern}),\\s+${determiner}\\s+((?:[\\w'’-]+\\s+){0,7}?[\\w'’-]+)(?=\\s*[,.;:)]|\\s+(?:said|says|told|added))`, 'g');
const roleCommaName = new RegExp(`\\b${determiner}\\s+((?:[\\w'’-]+\\s+){0,4}?(?:${roleNouns})),\\s+(?:(${titlePattern})\\s+)?(${namePattern})`, 'g');

/** A name followed by what they do: "Abdul Rahman, who runs a shop", "Leah Marsh said". */
const described = new RegExp(`\\b(${namePattern})(?:,\\s+(?:who|whose|aged|\\d+|said|says|told|added)\\b|\\s+(?:said|says|told|added|described)\\b)`, 'g');

const bare = new RegExp(`\\b${namePattern}`, 'g');

/**
 * The people a text introduces, outside the quoted spans `inQuote` reports and the places
 * `inPlace` reports: introduced with a title or role, then any other name of two or three words.
 */
export function findPeople(text: string, inQuote: (i: number) => boolean, inPlace: (start: number, end: number) => boolean = () => false): People {
  const people = new People();
  const outside = (m: RegExpMatchArray) => !inQuote(m.index!) && !inPlace(m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(titled)) if (outside(m) && looksLikeName(m[2])) people.add(m[2], [...rolesOfTitle(m[1]), ...rolesIn(m[1])], m[1]);
  for (const m of text.matchAll(roleThenName)) if (outside(m) && looksLikeName(m[2])) people.add(m[2], [m[1].toLowerCase()]);
  for (const m of text.matchAll(roleCommaName)) if (outside(m) && looksLikeName(m[3])) people.add(m[3], [...rolesIn(m[1]), ...(m[2] ? rolesOfTitle(m[2]) : [])], m[2] ?? '');
  for (const m of text.matchAll(described)) {
    const n = cleanName(m[1]);
    if (outside(m) && n) people.add(n);
  }
  for (const m of text.matchAll(nameThenRole)) {
    const roles = rolesIn(m[2]);
    if (outside(m) && roles.length && looksLikeName(m[1])) people.add(m[1], roles);
  }
  for (const m of text.matchAll(bare)) {
    const n = cleanName(m[0]);
    if (outside(m) && n) people.add(n);
  }
  return people;
}
