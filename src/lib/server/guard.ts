import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$core/access/actor.ts';
import { check, SignInRequired, type Resource } from '$core/access/require-access.ts';
import { ruleFor } from '$core/access/policy.ts';
import { ruleForRoute, type RouteAccess, type RouteRule } from '$core/access/routes.ts';
export { hasGuardLayout } from '$core/access/routes.ts';
import { panelIdBySlug } from '$core/panels/panels.ts';
import { DomainError, NotFound } from '$core/errors.ts';
import { authContext } from './auth.ts';

/**
 * Checks a request against the route rules (src/core/access/routes.ts) before the route runs.
 * Returns the error that refuses it, or null. A route without a rule is refused as not found.
 */
export async function routeDenial(event: RequestEvent, actor: Actor): Promise<DomainError | null> {
  const routeId = event.route.id;
  if (routeId === null) return null; // no such page: SvelteKit answers 404 itself
  const rule = ruleForRoute(routeId);
  if (!rule) return new NotFound('There is nothing at this address.', { reason: 'no access rule', route: routeId });
  const access = accessFor(rule, event);
  // The route test guarantees a rule for every method and action a route has: so it has not this one.
  if (!access) return new MethodNotAllowed();
  if (access === 'public') return null;
  try {
    return check(actor, access, await resourceOf(event, access, actor));
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

/** A method (or form action) the route does not offer: 405, as SvelteKit itself would answer. */
export class MethodNotAllowed extends DomainError {
  override readonly code = 'invalid' as const;
  constructor() {
    super('This address does not accept that method.');
  }
}

/** Which rule applies: the page or GET, a form action (?/name), or another method. */
function accessFor(rule: RouteRule, event: RequestEvent): RouteAccess | undefined {
  const method = event.request.method;
  if (method === 'GET' || method === 'HEAD') return rule.view;
  if (method === 'POST' && rule.actions) return rule.actions[actionName(event.url)];
  return rule.methods?.[method as keyof NonNullable<RouteRule['methods']>];
}

/** SvelteKit names a form action by a query key starting with "/": `?/invite`. */
export function actionName(url: URL): string {
  for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
  return 'default';
}

async function resourceOf(event: RequestEvent, action: Exclude<RouteAccess, 'public'>, actor: Actor): Promise<Resource> {
  if (ruleFor(action).scope === 'installation') return {};
  if (actor.kind === 'anonymous') throw new SignInRequired();
  const slug = event.params.panel;
  if (!slug) throw new Error(`Route ${event.route.id} uses the panel action ${action} but has no [panel] parameter.`);
  return { panelId: await panelIdBySlug(await authContext(), slug) };
}

/**
 * The load of each guarded area's layout: refuses the page when `handle` found it refused. (A page
 * load is sent to sign in by `handle` itself; this redirect is for client-side navigation.)
 */
export function throwDenial(locals: App.Locals, url: URL): void {
  if (locals.denied instanceof SignInRequired) redirect(303, `/auth/sign-in?next=${encodeURIComponent(url.pathname)}`);
  if (locals.denied) throw locals.denied;
}

/** A local path to return to after signing in; anything else (another site, "//evil") becomes /w. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/w';
  return next;
}
