import { DomainError, Forbidden, NotFound } from '../errors.ts';
import { isAdmin, roleIn, type Actor } from './actor.ts';
import { ruleFor, type Action } from './policy.ts';

/**
 * What an action is done to. No panelId: the installation. An item of a panel names its panel, and
 * its addressee when it is addressed to one person (a question to a police respondent).
 */
export interface Resource {
  panelId?: number;
  addresseeId?: string | null;
}

export const installation: Resource = {};

/** The actor is not signed in and must be: the web tier sends them to the sign-in page. */
export class SignInRequired extends DomainError {
  override readonly code = 'forbidden' as const;
  constructor() {
    super('Sign in to see this page.');
  }
}

/** Whether the actor may do the action to the resource, and if not, the error that says why. */
export function check(actor: Actor, action: Action, resource: Resource = installation): DomainError | null {
  const rule = ruleFor(action);
  if ('public' in rule && rule.public) return null;
  if (actor.kind === 'anonymous') return new SignInRequired();
  if ('signedIn' in rule && rule.signedIn) return null;
  if ('admin' in rule && rule.admin && isAdmin(actor)) return null;
  if (rule.scope === 'installation') return new Forbidden('Only an administrator of this installation can do that.', { action });
  if (resource.panelId === undefined) throw new Error(`Action ${action} needs a panel, and was given none.`);
  const role = roleIn(actor, resource.panelId);
  const allowed = role ? ('roles' in rule ? (rule.roles as Record<string, true | 'addressee'>)[role] : undefined) : undefined;
  if (allowed === true) return null;
  if (allowed === 'addressee' && actor.kind === 'user' && resource.addresseeId === actor.id) return null;
  // Outside the panel, or an item not addressed to this respondent: as if it did not exist.
  if (!role || allowed === 'addressee') return new NotFound('There is nothing at this address.');
  return new Forbidden(`As ${article(role)} ${role === 'police' ? 'police respondent' : role} of this panel you cannot do that.`, { action, role });
}

/** The first line of every use case: throws SignInRequired, NotFound or Forbidden, or returns. */
export function requireAccess(actor: Actor, action: Action, resource: Resource = installation): void {
  const denied = check(actor, action, resource);
  if (denied) throw denied;
}

export const can = (actor: Actor, action: Action, resource: Resource = installation): boolean => check(actor, action, resource) === null;

const article = (role: string) => (/^[aeiou]/.test(role) ? 'an' : 'a');
