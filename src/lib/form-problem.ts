/** What a failed form action returns (src/lib/server/form.ts): its message, the fields at fault and what was typed. */
export interface FormFailure {
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

/** What a form shows after a refused submission: the message, one per field, and what was typed. */
export interface FormProblem {
  message: string;
  fields: Record<string, string>;
  values: Record<string, string>;
}

/**
 * The failure of a page's form, for ErrorSummary and the fields: on a page of several forms, only
 * for the form `name` (the one whose hidden `form` field was posted), else for whichever failed.
 */
export function formProblem(form: FormFailure | null | undefined, name?: string): FormProblem | null {
  if (!form?.message) return null;
  if (name !== undefined && (form.values?.form ?? '') !== name) return null;
  return { message: form.message, fields: form.fields ?? {}, values: form.values ?? {} };
}
