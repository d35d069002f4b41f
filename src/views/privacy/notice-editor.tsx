import type { Language, PrivacyNoticeFields } from '../../db/schema/networks.js';
import { formatDay } from '../../i18n/answer-page.js';
import { commonText } from '../../i18n/common.js';
import { fill } from '../../i18n/messages.js';
import { noticeEditorText } from '../../i18n/privacy-notice-editor.js';
import type { NoticeContent } from '../../privacy/notice-content.js';
import { helsinkiDay } from '../../rounds/helsinki-time.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { FieldFrame } from '../field-frame.js';
import { NoticeDocument } from './notice-document.js';

export type NoticeValues = Omit<PrivacyNoticeFields, 'publishedAt'>;

type Props = {
  lang: Language;
  csrfToken: string;
  action: string;
  values: NoticeValues;
  errors: Record<string, string>;
  /** The notice as stored: whether and when it was published. */
  stored: PrivacyNoticeFields | null;
  publicUrl: string;
  preview: NoticeContent;
  outcome?: 'draft' | 'published' | undefined;
};

function TextArea({ name, label, hint, value, error, rows }: { name: string; label: string; hint: string; value: string; error?: string | undefined; rows: number }) {
  return (
    <FieldFrame
      name={name}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <textarea id={name} name={name} rows={rows} {...aria}>
          {value}
        </textarea>
      )}
    />
  );
}

/** The coordinator's parts of the notice, the buttons that save or publish them, and the notice as members will read it. */
export function NoticeEditor({ lang, csrfToken, action, values, errors, stored, publicUrl, preview, outcome }: Props) {
  const t = noticeEditorText(lang);
  const publishedAt = stored?.publishedAt ?? null;
  return (
    <>
      <section class="card narrow">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        {outcome && (
          <p class="notice-ok" role="status">
            {outcome === 'published' ? t.published : t.savedDraft}
          </p>
        )}
        {publishedAt ? (
          <p>
            {fill(t.publishedAt, { date: formatDay(helsinkiDay(new Date(publishedAt)), lang) })} <a href={publicUrl}>{publicUrl}</a>
          </p>
        ) : (
          <p class="hint">{t.notPublished}</p>
        )}
        {Object.keys(errors).length > 0 && (
          <p class="form-error" role="alert">
            {commonText(lang).checkForm}
          </p>
        )}
        <form method="post" action={action} novalidate id="notice-form" data-preview={`${action}/preview`}>
          <CsrfField token={csrfToken} />
          <Field name="controller" label={t.controller} hint={t.controllerHint} value={values.controller} error={errors.controller} />
          <Field name="contactName" label={t.contactName} value={values.contactName} error={errors.contactName} autocomplete="off" />
          <Field name="contactEmail" type="email" label={t.contactEmail} value={values.contactEmail} error={errors.contactEmail} autocomplete="off" />
          <TextArea name="protectionOfficer" label={t.protectionOfficer} hint={t.protectionOfficerHint} value={values.protectionOfficer} error={errors.protectionOfficer} rows={2} />
          <TextArea name="additional" label={t.additional} hint={t.additionalHint} value={values.additional} error={errors.additional} rows={6} />
          {errors.intent && <p class="field-error">{errors.intent}</p>}
          {publishedAt && <p class="hint">{t.republishHint}</p>}
          {/* Preview comes first: it is what Enter in a field does, and it changes nothing. */}
          <p class="actions">
            <button type="submit" name="intent" value="preview" class="button-secondary">
              {t.preview}
            </button>
            {!publishedAt && (
              <button type="submit" name="intent" value="draft" class="button-secondary">
                {t.saveDraft}
              </button>
            )}
            <button type="submit" name="intent" value="publish">
              {publishedAt ? t.republish : t.publish}
            </button>
          </p>
        </form>
      </section>
      <section class="card notice-preview" aria-labelledby="notice-preview-heading">
        <p class="hint" id="notice-preview-heading">
          {t.previewHeading}
        </p>
        <div id="notice-preview">
          <NoticeDocument content={preview} headingLevel={2} />
        </div>
      </section>
    </>
  );
}
