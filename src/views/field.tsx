import { FieldFrame } from './field-frame.js';

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
  return (
    <FieldFrame
      name={name}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => <input id={name} name={name} type={type} value={value} autocomplete={autocomplete} step={step} required={required} {...aria} />}
    />
  );
}
