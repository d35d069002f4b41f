import type { Language } from '../../db/schema/networks.js';
import { passwordText } from '../../i18n/password.js';
import { Field } from '../field.js';

type Props = { lang: Language; errors: Record<string, string | undefined>; withCurrent?: boolean };

/**
 * The fields that set a password, alike on every form. With the current
 * password asked first (changing it), the pair is labelled "new"; the
 * autocomplete names let a password manager fill the one and offer to save the other.
 */
export function PasswordFields({ lang, errors, withCurrent = false }: Props) {
  const t = passwordText(lang);
  return (
    <>
      {withCurrent && <Field name="currentPassword" type="password" label={t.currentPassword} error={errors.currentPassword} autocomplete="current-password" />}
      <Field name="newPassword" type="password" label={withCurrent ? t.newPassword : t.password} hint={t.hint} error={errors.newPassword} autocomplete="new-password" />
      <Field name="newPasswordAgain" type="password" label={withCurrent ? t.newPasswordAgain : t.passwordAgain} error={errors.newPasswordAgain} autocomplete="new-password" />
    </>
  );
}
