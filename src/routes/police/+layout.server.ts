import { throwDenial } from '$lib/server/guard.ts';
import type { LayoutServerLoad } from './$types';

/** Access to every page here was decided by `handle` (src/core/access/routes.ts); this shows a refusal. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  throwDenial(locals, url);
};
