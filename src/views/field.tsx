import { FieldFrame } from './field-frame.js';

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  /** The id of a hint shared with other fields, announced with this one too. */
  sharedHint?: string;
  autocomplete?: string;
  step?: string;
  required?: boolean;
  /** The language of what is typed, when it is not the page's (a title in Swedish on a Finnish page). */
  lang?: string;
};

/** A labelled input whose error and hint are announced with it. */
export function Field({ name, label, type = 'text', value, error, hint, sharedHint, autocomplete, step, required, lang }: FieldProps) {
  return (
    <FieldFrame
      name={name}
      label={label}
      hint={hint}
      sharedHint={sharedHint}
      error={error}
      control={(aria) => <input id={name} name={name} type={type} value={value} autocomplete={autocomplete} step={step} required={required} lang={lang} {...aria} />}
    />
  );
}
