import { FieldFrame } from '../field-frame.js';

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
  return (
    <FieldFrame
      name={name}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <select id={name} name={name} {...aria}>
          {options.map((option) => (
            <option value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
