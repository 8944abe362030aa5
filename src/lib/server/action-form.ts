import { textFields } from './forms.ts';

/** The fields of the action form, and the use case's input made from them (an empty figure is none). */
export const actionFields = ['title', 'ownerId', 'dueOn', 'rag', 'notes', 'done', 'questionId', 'metric', 'area', 'period', 'value'] as const;

export function actionFromForm(form: FormData) {
  const values = textFields(form, actionFields);
  const hasFinding = [values.metric, values.area, values.period, values.value].some((v) => v.trim());
  return {
    values,
    input: {
      title: values.title,
      ownerId: values.ownerId,
      dueOn: values.dueOn,
      rag: values.rag as 'red',
      notes: values.notes,
      done: values.done === 'on',
      questionId: values.questionId || undefined,
      finding: hasFinding ? { metric: values.metric, area: values.area, period: values.period, value: values.value } : undefined
    }
  };
}
