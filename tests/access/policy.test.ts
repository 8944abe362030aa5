import { describe, expect, it } from 'vitest';
import { actions, policy } from '../../src/core/access/policy.ts';
import { check, SignInRequired } from '../../src/core/access/require-access.ts';
import { Forbidden, NotFound } from '../../src/core/errors.ts';
import { panelId, personas } from './personas.ts';

/** One cell: ok, sign-in (sent to sign in), 403 (forbidden) or 404 (as if it did not exist). */
export function outcome(err: Error | null): string {
  if (err === null) return 'ok';
  if (err instanceof SignInRequired) return 'sign-in';
  if (err instanceof NotFound) return '404';
  if (err instanceof Forbidden) return '403';
  return err.constructor.name;
}

/** A text table; the first column is as wide as its longest entry. */
export const table = (rows: string[][], first = Math.max(20, ...rows.map((r) => r[0].length + 1))) => rows.map((r) => r.map((c, i) => c.padEnd(i === 0 ? first : 10)).join('').trimEnd()).join('\n');

/**
 * Every action against every persona, for a resource of panel 1. A change to the policy changes
 * this table: the diff shows exactly who gained or lost what.
 */
const expected = `
action                         anonymous outsider  member    clerk     chair     police    other     admin
installation.manage            sign-in   403       403       403       403       403       403       ok
panel.create                   sign-in   403       403       403       403       403       403       ok
panel.list                     sign-in   403       403       403       403       403       403       ok
admin.invite                   sign-in   403       403       403       403       403       403       ok
audit.verify                   sign-in   403       403       403       403       403       403       ok
mail.view                      sign-in   403       403       403       403       403       403       ok
notification.send              sign-in   403       403       403       403       403       403       ok
account.sign-in                ok        ok        ok        ok        ok        ok        ok        ok
account.sign-out               sign-in   ok        ok        ok        ok        ok        ok        ok
invitation.accept              ok        ok        ok        ok        ok        ok        ok        ok
account.reset-password         ok        ok        ok        ok        ok        ok        ok        ok
workspace.list                 sign-in   ok        ok        ok        ok        ok        ok        ok
panel.view                     sign-in   404       ok        ok        ok        ok        404       404
member.list                    sign-in   404       ok        ok        ok        403       404       ok
member.invite                  sign-in   404       403       ok        ok        403       404       ok
member.manage                  sign-in   404       403       ok        ok        403       404       404
invitation.list                sign-in   404       403       ok        ok        403       404       ok
invitation.revoke              sign-in   404       403       ok        ok        403       404       ok
audit.read-panel               sign-in   404       403       ok        ok        403       404       404
police.inbox                   sign-in   ok        ok        ok        ok        ok        ok        ok
question.list                  sign-in   404       ok        ok        ok        403       404       404
question.view                  sign-in   404       ok        ok        ok        404       404       404
question.draft                 sign-in   404       ok        ok        ok        403       404       404
question.edit                  sign-in   404       403       ok        ok        403       404       404
question.send                  sign-in   404       403       ok        ok        403       404       404
question.acknowledge           sign-in   404       403       ok        ok        404       404       404
question.request-clarification sign-in   404       403       403       403       404       404       404
question.clarify               sign-in   404       403       ok        ok        403       404       404
question.extend                sign-in   404       403       ok        ok        403       404       404
question.answer                sign-in   404       403       ok        ok        404       404       404
question.assess                sign-in   404       403       ok        ok        403       404       404
question.close                 sign-in   404       403       ok        ok        403       404       404
question.escalate              sign-in   404       403       ok        ok        403       404       404
question.publish               sign-in   404       403       ok        ok        403       404       404
action.list                    sign-in   404       ok        ok        ok        403       404       404
action.create                  sign-in   404       403       ok        ok        403       404       404
action.edit                    sign-in   404       403       ok        ok        403       404       404
source.extract                 sign-in   404       403       ok        ok        403       404       404
case.list                      sign-in   404       ok        ok        ok        403       404       404
case.create                    sign-in   404       403       ok        ok        403       404       404
case.edit                      sign-in   404       403       ok        ok        403       404       404
case.link-question             sign-in   404       ok        ok        ok        403       404       404
case.witness-identity          sign-in   404       403       ok        ok        403       404       404
evidence.upload                sign-in   404       403       ok        ok        403       404       404
evidence.view-original         sign-in   404       403       ok        ok        403       404       404
evidence.export                sign-in   404       403       ok        ok        403       404       404
case.publish                   sign-in   404       403       ok        ok        403       404       404
cases.view-public              ok        ok        ok        ok        ok        ok        ok        ok
sample.list                    sign-in   404       ok        ok        ok        ok        404       404
sample.draw                    sign-in   404       403       ok        ok        403       404       404
sample.view                    sign-in   404       ok        ok        ok        404       404       404
sample.assign                  sign-in   404       403       ok        ok        403       404       404
review.record                  sign-in   404       ok        ok        ok        403       404       404
review.results                 sign-in   404       ok        ok        ok        403       404       404
review.respond                 sign-in   404       403       ok        ok        404       404       404
review.publish                 sign-in   404       403       ok        ok        403       404       404
reviews.view-public            ok        ok        ok        ok        ok        ok        ok        ok
cia.list                       sign-in   404       ok        ok        ok        403       404       404
cia.record                     sign-in   404       403       ok        ok        403       404       404
cia.review                     sign-in   404       ok        ok        ok        403       404       404
cia.raise-question             sign-in   404       ok        ok        ok        403       404       404
cia.publish                    sign-in   404       403       ok        ok        403       404       404
cia.view-public                ok        ok        ok        ok        ok        ok        ok        ok
section60.list                 sign-in   404       ok        ok        ok        ok        404       404
section60.record               sign-in   404       403       ok        ok        403       404       404
section60.publish              sign-in   404       403       ok        ok        403       404       404
section60.view-public          ok        ok        ok        ok        ok        ok        ok        ok
meeting.list                   sign-in   404       ok        ok        ok        403       404       404
meeting.schedule               sign-in   404       403       ok        ok        403       404       404
meeting.edit                   sign-in   404       403       ok        ok        403       404       404
meeting.cancel                 sign-in   404       403       ok        ok        403       404       404
meeting.quorum-rule            sign-in   404       403       ok        ok        403       404       404
agenda.edit                    sign-in   404       403       ok        ok        403       404       404
agenda.matters-arising         sign-in   404       403       ok        ok        403       404       404
attendance.record              sign-in   404       403       ok        ok        403       404       404
declaration.record             sign-in   404       403       ok        ok        403       404       404
minutes.draft                  sign-in   404       403       ok        ok        403       404       404
minutes.approve                sign-in   404       403       ok        ok        403       404       404
minutes.publish                sign-in   404       403       ok        ok        403       404       404
panel.view-public              ok        ok        ok        ok        ok        ok        ok        ok
tracker.view                   ok        ok        ok        ok        ok        ok        ok        ok
minutes.read-published         ok        ok        ok        ok        ok        ok        ok        ok
`.trim();

describe('the access policy', () => {
  it('gives each persona exactly the pinned access to each action', () => {
    const rows = actions.map((action) => [
      action,
      ...Object.values(personas).map((actor) => outcome(check(actor, action, policy[action].scope === 'panel' ? { panelId } : {})))
    ]);
    expect(table([['action', ...Object.keys(personas)], ...rows])).toBe(expected);
  });

  it('lets a role marked "addressee" act only on what is addressed to that person', () => {
    const police = personas.police;
    for (const action of ['question.view', 'question.answer', 'question.acknowledge', 'question.request-clarification'] as const) {
      expect(check(police, action, { panelId, addresseeId: police.kind === 'user' ? police.id : '' }), action).toBeNull();
      expect(outcome(check(police, action, { panelId, addresseeId: 'someone-else' })), action).toBe('404');
      expect(outcome(check(police, action, { panelId, addresseeId: null })), action).toBe('404');
    }
  });

  it('describes every action in words', () => {
    for (const action of actions) expect(policy[action].what.length, action).toBeGreaterThan(5);
  });
});
