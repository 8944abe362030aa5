import { anonymous, type Actor } from '../../src/core/access/actor.ts';
import type { PanelRole } from '../../src/core/db/schema.ts';

/** Panel 1 is the panel in question; panel 2 is another. */
export const panelId = 1;
const user = (id: string, roles: Array<[number, PanelRole]>, isAdmin = false): Actor => ({
  kind: 'user',
  id,
  email: `${id}@example.org`,
  name: id,
  isAdmin,
  roles: new Map(roles)
});

/** Everyone whose access the matrices pin, in column order. */
export const personas: Record<string, Actor> = {
  anonymous,
  outsider: user('outsider', []),
  member: user('member', [[panelId, 'member']]),
  clerk: user('clerk', [[panelId, 'clerk']]),
  chair: user('chair', [[panelId, 'chair']]),
  police: user('police', [[panelId, 'police']]),
  other: user('other', [[2, 'chair']]),
  admin: user('admin', [], true)
};
