import { textField } from '../../../catalogue/editor-input.js';
import { textIn } from '../../../catalogue/draft-json.js';
import type { Language } from '../../../db/schema/networks.js';
import { editorText } from '../../../i18n/editor.js';
import { FieldFrame } from '../../field-frame.js';
import { idOf, type Failure } from './editor-props.js';

/** "suomeksi" → "Suomeksi": a label of its own starts with a capital. */
const capital = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** A language's name as the page's language says "in Swedish". */
export function inLanguage(code: Language, lang: Language): string {
  const t = editorText(lang);
  return { fi: t.langFi, sv: t.langSv, en: t.langEn }[code];
}

type Props = {
  /** The form's id, so that the same text field on two forms of a page has two ids. */
  form: string;
  prefix: string;
  legend: string;
  value: unknown;
  languages: readonly Language[];
  lang: Language;
  multiline?: boolean;
  failure?: Failure | undefined;
};

/** One text in each language the version offers: a group named by the text, one field per language, each typed in its language. */
export function LocalizedFields({ form, prefix, legend, value, languages, lang, multiline = false, failure }: Props) {
  return (
    <fieldset class="field localized">
      <legend>{legend}</legend>
      {languages.map((code) => {
        const name = textField(prefix, code);
        const id = idOf(form, name);
        const typed = failure?.values[name];
        const text = typeof typed === 'string' ? typed : textIn(value, code);
        return (
          <FieldFrame
            name={id}
            label={capital(inLanguage(code, lang))}
            error={failure?.fields[name]}
            control={(aria) => (multiline ? <textarea id={id} name={name} rows={3} lang={code} {...aria}>{text}</textarea> : <input id={id} name={name} type="text" value={text} lang={code} {...aria} />)}
          />
        );
      })}
    </fieldset>
  );
}
