/** A quoted passage: `start`/`end` bound the words inside the marks; `open`/`close` the marks. */
export interface QuoteSpan {
  open: number;
  close: number;
  start: number;
  end: number;
}

/** Text pasted from a web page has one paragraph a line; blank lines between them are allowed. */
const paragraphBreak = /\r?\n\s*/g;

/**
 * Quoted passages, with curly or straight double quotes. A quote may run over several sentences;
 * by newspaper convention a quote running into the next paragraph leaves its mark open at the end
 * of the paragraph and reopens it, so an open quote ends with its paragraph.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const [pStart, pEnd] of paragraphs(text)) {
    let open = -1;
    for (let i = pStart; i < pEnd; i++) {
      const c = text[i];
      const opens = c === '“' || (c === '"' && open < 0);
      const closes = c === '”' || (c === '"' && open >= 0);
      if (open < 0 && opens) open = i;
      else if (open >= 0 && closes) {
        spans.push(span(text, open, i));
        open = -1;
      }
    }
    if (open >= 0) spans.push(span(text, open, trimEnd(text, pStart, pEnd)));
  }
  return spans.filter((s) => s.end > s.start);
}

function span(text: string, open: number, close: number): QuoteSpan {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { open, close, start, end };
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

export function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const m of text.matchAll(paragraphBreak)) {
    out.push([at, m.index]);
    at = m.index + m[0].length;
  }
  out.push([at, text.length]);
  return out;
}
