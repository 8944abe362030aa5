import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Liveness for load balancers and tests: the server is up and answering. */
export const GET: RequestHandler = () => json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
