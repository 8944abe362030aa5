type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface Typed {
  field: Field;
  value?: string;
  checked?: boolean;
  selected?: boolean[];
}

/** Inputs whose value a page cannot set back, or that a person does not type into. */
const untouchable = new Set(['file', 'hidden', 'submit', 'button', 'reset', 'image']);

function typedInto(field: Field): Typed | undefined {
  if (field instanceof HTMLSelectElement) {
    const selected = [...field.options].map((o) => o.selected);
    return [...field.options].some((o, i) => selected[i] !== o.defaultSelected) ? { field, selected } : undefined;
  }
  if (field instanceof HTMLInputElement && untouchable.has(field.type)) return undefined;
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
    return field.checked !== field.defaultChecked ? { field, checked: field.checked } : undefined;
  return field.value !== field.defaultValue ? { field, value: field.value } : undefined;
}

function putBack({ field, value, checked, selected }: Typed): void {
  if (!field.isConnected) return;
  let changed = false;
  if (selected && field instanceof HTMLSelectElement) {
    [...field.options].forEach((o, i) => {
      if (i < selected.length && o.selected !== selected[i]) {
        o.selected = selected[i];
        changed = true;
      }
    });
  } else if (checked !== undefined && field instanceof HTMLInputElement) {
    changed = field.checked !== checked;
    field.checked = checked;
  } else if (value !== undefined && !(field instanceof HTMLSelectElement)) {
    changed = field.value !== value;
    field.value = value;
  }
  // A field bound to the page's state learns its value the way it would from the person.
  if (changed) {
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/**
 * Keeps what a person typed or chose in a form before the page's scripts ran.
 *
 * Hydration sets each form field back to the value the server rendered, so on a slow phone the
 * first words typed into a form would vanish as the scripts arrive. Call this before hydration
 * (the root layout's script runs before any page's fields are hydrated): it notes every field
 * whose value differs from its server-rendered default, and the function it returns puts those
 * values back once hydration is done.
 */
export function keepTypedBeforeHydration(root: ParentNode): () => void {
  const typed = [...root.querySelectorAll<Field>('input, textarea, select')].map(typedInto).filter((t) => t !== undefined);
  return () => {
    typed.forEach(putBack);
    typed.length = 0; // what was typed (a password, say) is not kept any longer than needed
  };
}
