/**
 * Cardinal numbers as news text writes them: "1,200", "8", "eight", "twenty-five", "two hundred",
 * "a dozen", "two dozen", "half a dozen". No library for English number words is installed; the
 * grammar needed for counts in news text is small and kept here.
 */
const units: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19
};
const tens: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90
};
const scales: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** Longest first, so "seventeen" is not read as "seven". */
const unitWord = Object.keys(units).sort((a, b) => b.length - a.length).join('|');
const tensWord = Object.keys(tens).join('|');
/** 1–99 in words: "eight", "forty", "forty-two", "forty two". */
const small = `(?:(?:${tensWord})(?:[- ](?:${Object.keys(units).slice(0, 9).join('|')}))?|${unitWord})`;
const scaled = `(?:(?:${small}|a)\\s+(?:hundred|thousand|million)(?:\\s+(?:and\\s+)?${small})?)`;
const dozen = `(?:half\\s+a\\s+dozen|(?:a|${small})\\s+dozen)`;
const digits = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s+(?:million|thousand))?`;

/** A cardinal number, digits or words (case-insensitive, whole words). */
export const numberPattern = `(?:${dozen}|${scaled}|${digits}|${small})`;

/** The value of a string matched by `numberPattern`, or null. */
export function numberValue(text: string): number | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d/.test(t)) {
    const [num, scale] = t.split(' ');
    const n = Number(num.replace(/,/g, ''));
    return Number.isFinite(n) ? n * (scale ? scales[scale] : 1) : null;
  }
  if (t === 'half a dozen') return 6;
  const dz = /^(.*) dozen$/.exec(t);
  if (dz) {
    const n = dz[1] === 'a' ? 1 : wordsValue(dz[1]);
    return n === null ? null : n * 12;
  }
  return wordsValue(t);
}

/** "two hundred and forty-five" -> 245. */
function wordsValue(t: string): number | null {
  let total = 0;
  let current = 0;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w === 'a') current = 1;
    else if (w in units) current += units[w];
    else if (w in tens) current += tens[w];
    else if (w in scales) {
      current = (current || 1) * scales[w];
      if (scales[w] >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
  }
  return total + current;
}
