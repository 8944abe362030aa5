import type { Transport } from '@sveltejs/kit';
import { ServerOnly } from '$lib/server-only.ts';

/** Values that cross from server to browser in a special form (see src/lib/server-only.ts). */
export const transport: Transport = {
  ServerOnly: {
    encode: (value) => value instanceof ServerOnly && [],
    decode: () => new ServerOnly(undefined)
  }
};
