type SelectFieldProps = {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
};

/** A labelled select whose error and hint are announced with it, like Field. */
export function SelectField({ name, label, options, value, error, hint }: SelectFieldProps) {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <select id={name} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={described}>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
