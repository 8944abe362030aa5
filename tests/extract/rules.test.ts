import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/paths.ts';
import { Invalid } from '../../src/core/errors.ts';
import { extract, type Extraction } from '../../src/core/extract/index.ts';
import { numberValue } from '../../src/core/extract/numbers.ts';
import { articles, categories, londonGazetteer } from './support.ts';

const quotes = (text: string) => extract(text).quotes.map((q) => [q.speaker, q.text]);
const counts = (text: string) => extract(text).quantities.map((q) => [q.value, q.counted, q.text]);
const dates = (text: string, published?: string) => extract(text, { published }).dates.map((d) => [d.date, d.text]);
const places = (text: string, gazetteer = londonGazetteer) => extract(text, { gazetteer }).places.map((p) => [p.name, p.text]);

function expectOffsets(input: string, result: Extraction) {
  for (const c of categories) for (const s of result[c]) expect(input.slice(s.start, s.end), `${c} ${JSON.stringify(s)}`).toBe(s.text);
}

describe('offsets', () => {
  it.each([...articles('articles'), ...articles('held-out')].map((a) => [a.name, a] as const))('every suggestion in %s is its span of the input', (_name, a) => {
    const result = extract(a.text, { published: a.gold.published, gazetteer: londonGazetteer });
    expectOffsets(a.text, result);
  });

  it('keeps every span exact on unrelated, untidy text: the project\'s own docs', () => {
    const dir = path.join(projectRoot(), 'docs');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expectOffsets(text, extract(text, { published: '2025-01-01', gazetteer: londonGazetteer }));
    }
  });

  it('counts offsets in JavaScript string units, so text after an emoji still slices exactly', () => {
    const text = '🚓🚓 About 100 police were at Ridley Road Market on Friday.';
    const result = extract(text, { published: '2023-07-24' });
    expectOffsets(text, result);
    expect(result.quantities[0]).toMatchObject({ text: 'About 100 police', start: 5 });
  });
});

describe('quotes and their speakers', () => {
  it('finds "…," said X, X said: "…" and according to X, with curly and straight quotes', () => {
    expect(quotes('“We will not be moved,” said Ann Lee. Tom Reed said: "The market is our home." According to Sam Obi, “Nobody asked us first.”')).toEqual([
      ['Ann Lee', 'We will not be moved,'],
      ['Tom Reed', 'The market is our home.'],
      ['Sam Obi', 'Nobody asked us first.']
    ]);
  });

  it('keeps a quote running over sentences and paragraphs whole, with one speaker', () => {
    const text = 'Resident Leah Marsh described the night. “It was loud. It was frightening.\n\n“Then the dogs came.”';
    expect(quotes(text)).toEqual([
      ['Leah Marsh', 'It was loud. It was frightening.'],
      ['Leah Marsh', 'Then the dogs came.']
    ]);
  });

  it('resolves "she" and "he" to the person of that sex named most recently', () => {
    const text = 'Jane Smith and Marcus Barnett met residents. “This cannot happen again,” she said. “We acted lawfully,” he said.';
    expect(quotes(text)).toEqual([
      ['Jane Smith', 'This cannot happen again,'],
      ['Marcus Barnett', 'We acted lawfully,']
    ]);
  });

  it('resolves a pronoun to the most recent person when their sex is not known', () => {
    expect(quotes('Kofi Darko-Reyes runs the stall. “We lost a day of trade,” they said.')).toEqual([['Kofi Darko-Reyes', 'We lost a day of trade,']]);
  });

  it('resolves a role to the name introduced with it', () => {
    const text =
      'Mayor of Hackney Jane Smith wrote to the police. Commander Jo Bell replied on Monday. Ian Roe, the chair of the monitoring group, was there. ' +
      '“We need the footage,” the mayor said. “You will have it,” the commander said. “We will check,” the chair said.';
    expect(quotes(text)).toEqual([
      ['Jane Smith', 'We need the footage,'],
      ['Jo Bell', 'You will have it,'],
      ['Ian Roe', 'We will check,']
    ]);
  });

  it('resolves a surname or a title and surname to the full name', () => {
    expect(quotes('Sarah Lowe leads the inquiry. “We are listening,” Ms Lowe said. “Call us,” Lowe added.')).toEqual([
      ['Sarah Lowe', 'We are listening,'],
      ['Sarah Lowe', 'Call us,']
    ]);
  });

  it('leaves an unnamed spokesperson unnamed and names the Met as the Metropolitan Police Service', () => {
    expect(quotes('A spokesperson for the Met said: “Officers acted within the law.” The Met said: “We will review the footage.”')).toEqual([
      ['spokesperson for the Met', 'Officers acted within the law.'],
      ['Metropolitan Police Service', 'We will review the footage.']
    ]);
  });

  it('keeps a continuing quote with the speaker of the quote before it', () => {
    expect(quotes('“We were not told,” said Ann Lee. “Nobody came to explain anything to us.”')).toEqual([
      ['Ann Lee', 'We were not told,'],
      ['Ann Lee', 'Nobody came to explain anything to us.']
    ]);
  });

  it('ignores short scare quotes that nobody is said to have said', () => {
    expect(quotes('The so-called "clean sweep" operation began at dawn.')).toEqual([]);
  });

  it('does not take a place or an unknown single word for a speaker, and reads past an appositive', () => {
    const text = 'Dr Amina Yusuf, a GP in Homerton, told the BBC the youths were "terrified". "Nobody listens," Dalston said.';
    expect(extract(text, { gazetteer: londonGazetteer }).quotes.map((q) => [q.speaker, q.text])).toEqual([['Amina Yusuf', 'terrified']]);
  });

  it('reads past an age after the name', () => {
    expect(quotes('Speaking at the rally, Patrick Obi, 42, said: “My son was searched 11 times.”')).toEqual([['Patrick Obi', 'My son was searched 11 times.']]);
  });

  it('does not take a street for a speaker', () => {
    expect(quotes('Leah Marsh, who lives on Wallis Road, described what she saw. “The road was full of officers.”')).toEqual([['Leah Marsh', 'The road was full of officers.']]);
  });
});

describe('counted quantities', () => {
  it.each([
    ['eight', 8], ['Twelve', 12], ['twenty-five', 25], ['forty two', 42], ['a hundred', 100], ['two hundred and forty', 240],
    ['three thousand', 3000], ['a dozen', 12], ['two dozen', 24], ['half a dozen', 6], ['1,200', 1200], ['30', 30], ['2.5 million', 2_500_000]
  ] as const)('reads "%s" as %d', (text, value) => {
    expect(numberValue(text)).toBe(value);
  });

  it('finds counts in words and digits, keeping approximate markers in the text', () => {
    expect(counts('Eight people were charged. About 100 police attended, with two dozen officers in reserve; more than 30 arrests and 1,200 residents.')).toEqual([
      [8, 'people', 'Eight people'],
      [100, 'police', 'About 100 police'],
      [24, 'officers', 'two dozen officers'],
      [30, 'arrests', 'more than 30 arrests'],
      [1200, 'residents', '1,200 residents']
    ]);
  });

  it('looks past modifiers to the thing counted, and takes an unlisted plural noun', () => {
    expect(counts('Some 40 uniformed police officers and 8 stallholders were there.')).toEqual([
      [40, 'police officers', 'Some 40 uniformed police officers'],
      [8, 'stallholders', '8 stallholders']
    ]);
  });

  it('ignores years, times, dates, ages, durations, money and percentages', () => {
    const text =
      'In 2023 people complained. At 5 pm a 15-year-old boy, aged 15, was held for three hours. ' +
      'On 14 May officers paid £500 and 40 per cent of searches found nothing. He had lived there for 20 years.';
    expect(extract(text, { published: '2024-01-01' }).quantities).toEqual([]);
  });

  it('does not count a single "one"', () => {
    expect(counts('One man was arrested and one officer was hurt.')).toEqual([]);
  });
});

describe('dates against the publication date', () => {
  it('resolves a day without a year to its most recent occurrence on or before publication', () => {
    expect(dates('It happened on 14 December.', '2024-01-10')).toEqual([['2023-12-14', '14 December']]);
    expect(dates('It happened on 14 May.', '2024-01-10')).toEqual([['2023-05-14', '14 May']]);
    expect(dates('It happened on 10 January.', '2024-01-10')).toEqual([['2024-01-10', '10 January']]);
  });

  it('resolves a weekday to the last one on or before publication', () => {
    expect(dates('Police arrived on Thursday.', '2023-07-24')).toEqual([['2023-07-20', 'Thursday']]);
    expect(dates('Police arrived on Monday.', '2023-07-24')).toEqual([['2023-07-24', 'Monday']]);
    expect(dates('It was last Tuesday.', '2025-01-20')).toEqual([['2025-01-14', 'last Tuesday']]);
  });

  it('resolves "yesterday", "last week" and a full date', () => {
    expect(dates('Yesterday the panel met. Figures came out last week. The raid was on 21 July 2023.', '2023-07-24')).toEqual([
      ['2023-07-23', 'Yesterday'],
      ['2023-07-17', 'last week'],
      ['2023-07-21', '21 July 2023']
    ]);
  });

  it('looks forward when the sentence puts the date in the future', () => {
    expect(dates('The group will meet on 3 August.', '2023-07-24')).toEqual([['2023-08-03', '3 August']]);
    expect(dates('A vigil is planned for Friday.', '2024-06-11')).toEqual([['2024-06-14', 'Friday']]);
  });

  it('counts "two days later" from the date before it', () => {
    expect(dates('The raid was on 14 May 2022. Two days later, the council met.', '2023-01-01')).toEqual([
      ['2022-05-14', '14 May 2022'],
      ['2022-05-16', 'Two days later']
    ]);
  });

  it('does not read a count after a comma as a two-digit year', () => {
    const text = 'On 5 June, 14 people were detained.';
    const r = extract(text, { published: '2023-06-14' });
    expect(r.dates.map((d) => [d.date, d.text])).toEqual([['2023-06-05', '5 June']]);
    expect(r.quantities.map((q) => q.text)).toEqual(['14 people']);
  });

  it('skips months alone, times alone, "a Friday morning" and "two years ago"', () => {
    expect(dates('Since March, on a Friday morning at 10.30am, two years ago, for a week.', '2023-07-24')).toEqual([]);
  });

  it('without a publication date keeps only dates with their year', () => {
    expect(dates('On Friday 21 July 2023, and again on Saturday and on 22 July.')).toEqual([['2023-07-21', 'Friday 21 July 2023']]);
  });

  it('refuses a publication date that is not a real day', () => {
    expect(() => extract('text', { published: '2023-02-30' })).toThrow(Invalid);
    expect(() => extract('text', { published: '24/07/2023' })).toThrow(/not a day written YYYY-MM-DD/);
  });
});

describe('places', () => {
  it('finds streets, markets and stations without any gazetteer', () => {
    expect(places('Officers closed Ridley Road Market and Kingsland High Street, then went to Dalston Junction station and Hackney Central.', [])).toEqual([
      ['Ridley Road Market', 'Ridley Road Market'],
      ['Kingsland High Street', 'Kingsland High Street'],
      ['Dalston Junction station', 'Dalston Junction station'],
      ['Hackney Central station', 'Hackney Central']
    ]);
  });

  it('names wards and boroughs by their official names', () => {
    expect(places('Patrols in Hoxton East and Shoreditch, King’s Park and Tower Hamlets.')).toEqual([
      ['Hoxton East & Shoreditch', 'Hoxton East and Shoreditch'],
      ["King's Park", 'King’s Park'],
      ['Tower Hamlets', 'Tower Hamlets']
    ]);
  });

  it('prefers the longest name and the official name for the same words', () => {
    expect(places('Outside Stoke Newington police station and in Hackney Central.')).toEqual([
      ['Stoke Newington police station', 'Stoke Newington police station'],
      ['Hackney Central', 'Hackney Central']
    ]);
  });

  it('does not take a titled person for a street, nor a reference number for a date', () => {
    const text = 'Borough Commander Trevor Lane said the stop was "justified by intelligence". Call 101 quoting CAD 4567/03Feb.';
    const r = extract(text, { published: '2024-02-05' });
    expect(r.places).toEqual([]);
    expect(r.dates).toEqual([]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Trevor Lane']);
  });

  it('does not take a council or a mayor’s title for a place', () => {
    expect(places('Hackney Council and the Mayor of Hackney wrote to Lambeth Police.')).toEqual([]);
  });
});

describe('input is only text', () => {
  it('reads HTML and script as text: nothing is run or removed, offsets count every character', () => {
    const text = '<p onclick="steal()">Eight people were arrested on <b>Mare Street</b>.</p><script>alert("The officers were very rude to everyone")</script> “It was awful,” said Ann Lee.';
    const result = extract(text, { published: '2024-01-01' });
    expectOffsets(text, result);
    expect(result.quantities.map((q) => q.text)).toEqual(['Eight people']);
    expect(result.places.map((p) => p.text)).toEqual(['Mare Street']);
    expect(result.quotes.at(-1)).toMatchObject({ speaker: 'Ann Lee', text: 'It was awful,' });
  });

  it('handles empty text and long hostile text quickly', () => {
    expect(extract('')).toEqual({ quotes: [], quantities: [], dates: [], places: [] });
    const hostile = 'Aaa Bbb Ccc '.repeat(5000) + '"'.repeat(2000) + ' 9'.repeat(5000) + ' Road'.repeat(2000);
    const t0 = performance.now();
    extract(hostile, { published: '2024-01-01', gazetteer: londonGazetteer });
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
