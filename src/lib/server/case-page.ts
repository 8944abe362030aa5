import { idFromAddress } from '$lib/server/address.ts';
import type { Actor } from '$core/access/actor.ts';
import type { CaseContext } from '$core/cases/cases.ts';
import { warehouseAreaFinder, type AreaFinder } from '$core/cases/places.ts';
import { createFileStore, type FileStore } from '$core/files/store.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { authContext } from './auth.ts';
import { serverContext } from './context.ts';

let files: FileStore | null = null;
let areas: AreaFinder | null = null;

/** The server's context for case files: the workflow database, the file store and the area finder. */
export async function caseContext(): Promise<CaseContext> {
  const [server, auth] = await Promise.all([serverContext(), authContext()]);
  files ??= createFileStore(server.filesDir);
  areas ??= warehouseAreaFinder(server.warehouse);
  return { ...auth, files, areas };
}


/** The panel and case a case route is about, checked against the actor. */
export async function caseRef(actor: Actor, params: { panel: string; case: string }) {
  const ctx = await caseContext();
  const panel = await panelBySlug(ctx, actor, params.panel);
  return { ctx, panel, ref: { panelId: panel.id, incidentId: idFromAddress(params.case) } };
}

/** The file of an upload form, or null when none was chosen. */
export async function uploadedFile(form: FormData, name = 'file'): Promise<{ name: string; bytes: Uint8Array } | null> {
  const file = form.get(name);
  return file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}
