import { describe, expect, it } from 'vitest';
import { formProblem } from './form-problem.ts';

describe('formProblem', () => {
  const failed = { message: 'Enter a title.', fields: { title: 'Enter a title.' }, values: { form: 'schedule', title: '' } };

  it("gives the failure of the form that was posted, and of no other form on the page", () => {
    expect(formProblem(failed, 'schedule')).toEqual(failed);
    expect(formProblem(failed, 'quorum')).toBeNull();
  });

  it('gives any failure on a page of one form, with empty fields and values where none came back', () => {
    expect(formProblem({ message: 'Not allowed.' })).toEqual({ message: 'Not allowed.', fields: {}, values: {} });
  });

  it('gives nothing after a success or before any post', () => {
    expect(formProblem(null)).toBeNull();
    expect(formProblem(undefined, 'schedule')).toBeNull();
    expect(formProblem({ values: { form: 'schedule' } }, 'schedule')).toBeNull();
  });
});
