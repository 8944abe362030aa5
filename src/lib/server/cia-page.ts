import { idFromAddress } from '$lib/server/address.ts';
import type { Actor } from '$core/access/actor.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { caseContext } from './case-page.ts';

/** The panel and CIA a CIA route is about (the context has the file store, for the uploaded copy). */
export async function ciaRef(actor: Actor, params: { panel: string; cia: string }) {
  const ctx = await caseContext();
  const panel = await panelBySlug(ctx, actor, params.panel);
  return { ctx, panel, ref: { panelId: panel.id, ciaId: idFromAddress(params.cia) } };
}
