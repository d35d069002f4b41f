import type { Child } from 'hono/jsx';

export type ControlAria = { 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

/** Label, hint and error around a form control, wired so that a screen reader announces them with it. */
export function FieldFrame({
  name,
  label,
  hint,
  sharedHint,
  error,
  control,
}: {
  name: string;
  label: string;
  hint?: string | undefined;
  /** The id of a hint that several fields share, such as the time zone above a pair of dates. */
  sharedHint?: string | undefined;
  error?: string | undefined;
  control: (aria: ControlAria) => Child;
}) {
  const described = [sharedHint ?? '', hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {control({ ...(error ? { 'aria-invalid': 'true' as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
