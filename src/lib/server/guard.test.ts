import { describe, expect, it } from 'vitest';
import { actionName, safeNext } from './guard.ts';

describe('safeNext', () => {
  it.each([
    ['/w/hackney', '/w/hackney'],
    ['/admin?x=1', '/admin?x=1'],
    [null, '/w'],
    ['', '/w'],
    ['https://evil.example/', '/w'],
    ['//evil.example/', '/w'],
    ['/\\evil.example', '/w'],
    ['javascript:alert(1)', '/w']
  ])('%s -> %s (only a path on this site)', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('actionName', () => {
  it('reads the form action from the query, as SvelteKit names it', () => {
    expect(actionName(new URL('http://x/w/hackney?/invite'))).toBe('invite');
    expect(actionName(new URL('http://x/admin?/createPanel&x=1'))).toBe('createPanel');
    expect(actionName(new URL('http://x/auth/sign-in?next=/w'))).toBe('default');
  });
});
