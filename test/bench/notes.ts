// The benchmark's notes: realistic CE notes (~2 KB each, six subjects, a few of a person's mistakes), every fifth
// holding 5 study cards (issue #13). Seeded, so every run and every benchmark (`npm run bench` in Node,
// `npm run bench:vscode` in VS Code) indexes the same folder.
import * as fs from 'fs';
import * as path from 'path';
import { addDays } from '../../src/core/common/dates';
import { random } from './common';


interface Subject {
  title: string;
  topics: string[];
  code: string;
  facts: string[];
}

const SUBJECTS: Subject[] = [
  {
    title: 'Federal Pharmacy Law Update',
    topics: ['law'],
    code: '03',
    facts: [
      'Schedule II prescriptions cannot be refilled; a partial fill may be completed within 30 days of the written date when the patient or prescriber asks.',
      'DSCSA requires interoperable electronic tracing of prescription drug packages at the package level.',
      'Schedule III-V prescriptions may be refilled up to five times within six months of the date written.',
      'DEA Form 222 is used to order Schedule I and II controlled substances; CSOS is its electronic equivalent.',
      'Combat Methamphetamine Epidemic Act: daily limit of 3.6 g pseudoephedrine base per purchaser.',
    ],
  },
  {
    title: 'Preventing Look-Alike, Sound-Alike Errors',
    topics: ['patient-safety'],
    code: '05',
    facts: [
      'Tall-man lettering distinguishes pairs such as hydrOXYzine and hydrALAZINE.',
      'Separate look-alike products on the shelf and add shelf alerts for high-risk pairs.',
      'Confirm the indication at pickup: it catches many name-confusion errors.',
      'Barcode scanning at fill and at verification prevents wrong-drug errors.',
      'Report errors and near misses to ISMP MERP; near misses show weak points before harm happens.',
    ],
  },
  {
    title: 'USP <797> Sterile Compounding Refresher',
    topics: ['sterile-compounding', 'compounding'],
    code: '07',
    facts: [
      'Garb from dirtiest to cleanest: shoe covers, hair cover, face mask, then hand hygiene, gown and sterile gloves.',
      'Primary engineering controls (laminar airflow workbench, biological safety cabinet) provide ISO Class 5 air.',
      'Beyond-use dates depend on the category of the CSP, sterility testing and storage temperature.',
      'Sterile 70% isopropyl alcohol is applied to gloves regularly and to critical sites before each entry.',
      'Gloved fingertip and media-fill tests verify aseptic technique.',
    ],
  },
  {
    title: 'Immunization Basics for Pharmacy Technicians',
    topics: ['immunizations'],
    code: '06',
    facts: [
      'Most inactivated vaccines are stored refrigerated between 2 and 8 °C; never freeze them.',
      'The Vaccine Information Statement must be given before each dose of a covered vaccine.',
      'Intramuscular injections in adults use the deltoid with a 1 to 1.5 inch needle for most patients.',
      'Temperature excursions are documented and the manufacturer is contacted before product is used.',
      'Screen for contraindications such as a severe allergic reaction to a previous dose.',
    ],
  },
  {
    title: 'Diabetes Pharmacotherapy Review',
    topics: ['disease-state'],
    code: '01',
    facts: [
      'Metformin is first-line for most adults with type 2 diabetes; hold it for contrast studies when kidney function is reduced.',
      'GLP-1 receptor agonists such as semaglutide lower A1C and weight; nausea is common early on.',
      'SGLT2 inhibitors such as empagliflozin add heart-failure and kidney benefits.',
      'Insulin pens in use are kept at room temperature and discarded after the labelled number of days.',
      'Hypoglycemia: 15 g of fast-acting carbohydrate, recheck in 15 minutes.',
    ],
  },
  {
    title: 'Opioid Safety and Naloxone',
    topics: ['pain-management', 'patient-safety'],
    code: '08',
    facts: [
      'Naloxone nasal spray 4 mg is available without a prescription.',
      'Co-prescribing naloxone is advised when daily opioid doses are high or benzodiazepines are also used.',
      'Check the prescription drug monitoring program before dispensing controlled substances where required.',
      'Extended-release opioids are not to be crushed or chewed.',
      'Store opioids locked and dispose of unused doses through take-back programs.',
    ],
  },
  {
    title: 'Hazardous Drug Handling Under USP <800>',
    topics: ['hazardous-drugs', 'general'],
    code: '04',
    facts: [
      'Hazardous drugs are listed by NIOSH; antineoplastics need the most containment.',
      'Chemotherapy gloves tested to ASTM D6978 are worn, two pairs for compounding.',
      'Hazardous drugs are unpacked in neutral or negative pressure areas, not positive pressure rooms.',
      'Spill kits are kept where hazardous drugs are handled, and staff are trained to use them.',
      'Closed-system drug-transfer devices reduce exposure during compounding and administration.',
    ],
  },
];

const PROVIDERS = ['Power-Pak C.E.', 'Pharmacy Times Continuing Education', 'FreeCE', 'ASHP', 'State Pharmacy Association', 'RxSchool'];
const HOURS = [0.5, 1, 1, 1, 1.5, 2, 2, 2.5, 3];

function uanFor(rand: () => number, subject: Subject, year: string, live: boolean): string {
  const provider = String(100 + Math.floor(rand() * 900)).padStart(4, '0');
  const sequence = String(Math.floor(rand() * 1000)).padStart(3, '0');
  return `${provider}-0000-${year}-${sequence}-${live ? 'L' : 'H'}${subject.code}-T`;
}

function noteText(i: number, rand: () => number, cards: boolean): { rel: string; text: string } {
  const subject = SUBJECTS[Math.floor(rand() * SUBJECTS.length)];
  const completed = addDays('2023-12-01', Math.floor(rand() * 1090)); // three years up to late 2026
  const year = completed.slice(0, 4);
  const live = rand() < 0.2;
  const roll = rand();
  const fm: string[] = [`title: "${subject.title} ${year} (#${i})"`];
  if (rand() < 0.1) fm.push(`ceu: ${(HOURS[Math.floor(rand() * HOURS.length)] / 10).toFixed(2)}`);
  else fm.push(`ce_hours: ${HOURS[Math.floor(rand() * HOURS.length)]}`);
  fm.push(`topics: [${subject.topics.join(', ')}]`);
  if (rand() < 0.75) fm.push(`uan: ${uanFor(rand, subject, year.slice(2), live)}`);
  if (live) fm.push('format: live');
  fm.push(`provider: ${PROVIDERS[Math.floor(rand() * PROVIDERS.length)]}`);
  if (roll < 0.05) fm.push('status: planned');
  else if (roll < 0.08) fm.push('status: in-progress');
  else fm.push(`completed: ${completed}`);
  if (rand() < 0.6) fm.push(`certificate: ../../certificates/${year}/cert-${i}.pdf`);
  fm.push(`tags: [${year}, ${live ? 'webinar' : 'home-study'}]`);
  // About 1 in 100 notes has a mistake a person would make: the index must report it and move on.
  const mistake = rand();
  if (mistake < 0.003) fm[1] = 'ce_hours: -1';
  else if (mistake < 0.006) fm.push('completed: 2026-02-30');
  else if (mistake < 0.008) fm[2] = 'topics: [pharmacy-lw]';
  else if (mistake < 0.01) fm.push('uan: 0145-00-24-101-H07-T');
  else if (mistake < 0.012) fm[1] = 'ce_hours: [2'; // a YAML syntax error

  const facts = [...subject.facts].sort(() => rand() - 0.5);
  const body = [
    `# ${subject.title}`,
    '',
    `Completed through ${PROVIDERS[Math.floor(rand() * PROVIDERS.length)]}. ${facts[0]} The activity closed with a short post-test; the passing score was 70%.`,
    '',
    '## Key points',
    ...facts.slice(0, 4).map((f) => `- ${f}`),
    '',
    '## Notes',
    '',
    `${facts[4]} ${facts[1]} In our pharmacy this changes how we handle the counter workflow and what we double-check before the pharmacist verifies.`,
    '',
    `Follow-up: review the policy binder section on this topic, ask the pharmacist in charge about the store procedure, and add the new points to the training checklist for new technicians. ${facts[2]}`,
    '',
    '| item | what to remember |',
    '|---|---|',
    ...facts.slice(1, 4).map((f, n) => `| point ${n + 1} | ${f.split(';')[0].replace(/\.$/, '')} |`),
    '',
    '### Questions to look up',
    '1. Does the state board add anything stricter than the federal rule?',
    '2. Which products on our shelves does this apply to?',
    '3. Where is the documentation kept, and for how long?',
    '',
    `> ${facts[3]}`,
    '',
    ...(cards && hasCards(i) ? studyCards(i, subject, facts) : []),
  ];
  const text = `---\n${fm.join('\n')}\n---\n${body.join('\n')}`;
  const month = completed.slice(5, 7);
  return { rel: `notes/${year}/${month}/${slug(subject.title)}-${i}.md`, text };
}

/** Issue #13: 2,000 of 10,000 notes hold cards (every fifth). Chosen by number, so the random notes stay the same. */
const CARD_NOTE_EVERY = 5;
export const CARDS_PER_NOTE = 5;
const hasCards = (i: number): boolean => i % CARD_NOTE_EVERY === 0;

/** Five cards in the three forms: a question and answer, two terms, a cloze sentence with two deletions. */
function studyCards(i: number, subject: Subject, facts: string[]): string[] {
  const words = facts[3].split(' ');
  const cloze = words.map((w, n) => (n === 1 ? `{{c1::${w}}}` : n === 3 ? `{{c2::${w}::a word}}` : w)).join(' ');
  return [
    '## Study cards',
    '',
    `> **Q:** What is the key point of ${subject.title} (note ${i})?`,
    '>',
    `> **A:** ${facts[0]}`,
    '',
    `- ${subject.topics[0]} point ${i}a :: ${facts[1]}`,
    `- ${subject.topics[0]} point ${i}b :: ${facts[2]}`,
    `- ${cloze}`,
    '',
  ];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const CONFIG = JSON.stringify(
  {
    credentials: [
      { ruleSet: 'ptcb-cpht', cycleEnd: '2027-03-31' },
      { id: 'tx', ruleSet: 'tx-technician', cycleEnd: '2026-12-31', label: 'Texas registration' },
      { ruleSet: 'ptcb-cspt', cycleEnd: '2026-12-31' },
    ],
    exclude: ['templates/**'],
  },
  null,
  2,
);

/** Writes the notes (and, unless `config` is false, the credentials file) into `root`; returns the bytes written. */
export function generate(root: string, options: { notes: number; seed: number; noCards: boolean; config?: boolean }): number {
  const rand = random(options.seed);
  let bytes = 0;
  const made = new Set<string>();
  if (options.config !== false) fs.writeFileSync(path.join(root, '.pharmacy-ce.json'), CONFIG);
  for (let i = 0; i < options.notes; i++) {
    const { rel, text } = noteText(i, rand, !options.noCards);
    const dir = path.dirname(path.join(root, rel));
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(path.join(root, rel), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

