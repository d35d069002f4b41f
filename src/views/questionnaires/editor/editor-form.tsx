import type { Child } from 'hono/jsx';
import { CsrfField } from '../../csrf-field.js';

/** A form that posts one edit: CSRF token, its fields and its button; a refusal is announced at the top of the page, its field errors at the fields. */
export function EditorForm({ id, action, csrf, button, children }: { id: string; action: string; csrf: string; button: string; children?: Child }) {
  return (
    <form method="post" action={action} id={`${id}-form`}>
      <CsrfField token={csrf} />
      {children}
      <button type="submit">{button}</button>
    </form>
  );
}

/** A one-button form (move up, remove, …) whose button names what it acts on for a screen reader. */
export function ButtonForm({ action, csrf, fields = {}, label, about, danger = false }: { action: string; csrf: string; fields?: Record<string, string>; label: string; about: string; danger?: boolean }) {
  return (
    <form method="post" action={action} class="inline">
      <CsrfField token={csrf} />
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={danger ? 'button-danger' : 'button-secondary'}>
        {label}
        <span class="visually-hidden">: {about}</span>
      </button>
    </form>
  );
}
