type FieldProps = {
  name: string;
  label: string;
  type?: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  autocomplete?: string;
  step?: string;
  required?: boolean;
};

/** A labelled input whose error and hint are announced with it. */
export function Field({ name, label, type = 'text', value, error, hint, autocomplete, step, required }: FieldProps) {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <input id={name} name={name} type={type} value={value} autocomplete={autocomplete} step={step} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
