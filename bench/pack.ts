import { benchServer, percentile } from './dashboard-server.ts';
import { secs, target, type Benchmark } from './support.ts';

/**
 * The time to make one PDF data pack, end to end over HTTP on 127.0.0.1: the first after the
 * server starts (cold: Chromium is launched, nothing is cached), then warm ones for other boroughs
 * and months, one at a time, then four at once (the server prints two at a time).
 */
const TARGET_SECONDS = 5;
const COLD = { borough: 'hackney', month: '2023-07' };
const WARM = [
  { borough: 'hackney', month: '2023-07' },
  { borough: 'lambeth', month: '2024-03' },
  { borough: 'westminster', month: '2022-11' },
  { borough: 'croydon', month: '2025-04' },
  { borough: 'newham', month: '2023-01' },
  { borough: 'tower-hamlets', month: '2024-09' }
];

async function pdf(baseUrl: string, p: { borough: string; month: string }): Promise<{ seconds: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(`${baseUrl}/b/${p.borough}/pack/${p.month}.pdf`, { signal: AbortSignal.timeout(60_000) });
  const body = await res.arrayBuffer();
  return { seconds: (performance.now() - t) / 1000, bytes: body.byteLength, status: res.status };
}

/** The HTML page of a pack not made before (officer-defined ethnicity: the PDFs above used self-defined). */
async function page(baseUrl: string, p: { borough: string; month: string }): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${baseUrl}/b/${p.borough}/pack/${p.month}?ethnicity=officer`, { signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  return (performance.now() - t) / 1000;
}

const describe = (p: { borough: string; month: string }, r: { seconds: number; bytes: number; status: number }) =>
  `${p.borough} ${p.month}: ${secs(r.seconds)}${r.status === 200 ? `, ${Math.round(r.bytes / 1024)} KB` : ` (status ${r.status})`}`;

/** Prints the cold and warm times of PDF packs made by a running server. */
export async function benchPack(baseUrl: string, print: (line?: string) => void): Promise<void> {
  const cold = await pdf(baseUrl, COLD);
  print(`cold (first PDF after start, launches Chromium): ${describe(COLD, cold)}`);
  const warm: number[] = [];
  for (const p of WARM) {
    const r = await pdf(baseUrl, p);
    print(`warm: ${describe(p, r)}`);
    if (r.status === 200) warm.push(r.seconds);
  }
  warm.sort((a, b) => a - b);
  const pages = [];
  for (const p of WARM) pages.push(await page(baseUrl, p));
  pages.sort((a, b) => a - b);
  print(`warm: median ${secs(percentile(warm, 50))}, worst ${secs(warm[warm.length - 1])}; the HTML page alone, a pack not made before: median ${secs(percentile(pages, 50))}`);
  const t = performance.now();
  const together = await Promise.all(WARM.slice(0, 4).map((p) => pdf(baseUrl, p)));
  print(`four at once: all done in ${secs((performance.now() - t) / 1000)} (each ${together.map((r) => secs(r.seconds)).join(', ')})`);
  print('targets:');
  print(target(cold.status === 200 && cold.seconds < TARGET_SECONDS, `one PDF pack < ${TARGET_SECONDS} s, cold`, secs(cold.seconds)));
  print(target(warm.length > 0 && warm[warm.length - 1] < TARGET_SECONDS, `one PDF pack < ${TARGET_SECONDS} s, warm (worst)`, secs(warm[warm.length - 1] ?? NaN)));
}

export const packBenchmark: Benchmark = {
  name: 'data pack: time to make one PDF',
  async run(env) {
    const server = await benchServer(env);
    try {
      await benchPack(server.url, env.print);
    } finally {
      await server.stop();
    }
  }
};
