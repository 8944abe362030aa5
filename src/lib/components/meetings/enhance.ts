import type { SubmitFunction } from '@sveltejs/kit';

/** Progressive enhancement that keeps the form as the server re-renders it (no reset): for forms that show saved values. */
export const keep: SubmitFunction = () => async ({ update }) => update({ reset: false });
