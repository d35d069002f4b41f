import { defineMessages } from './messages.js';

/**
 * Every form that sets a password labels it the same way: "Salasana" and
 * "Salasana uudelleen"; where the current password is asked on the same form,
 * the new pair says "Uusi" so the three fields stay apart.
 */
export const passwordText = defineMessages({
  fi: {
    password: 'Salasana',
    passwordAgain: 'Salasana uudelleen',
    currentPassword: 'Nykyinen salasana',
    newPassword: 'Uusi salasana',
    newPasswordAgain: 'Uusi salasana uudelleen',
    hint: 'Vähintään 12 merkkiä.',
    short: 'Salasanassa on oltava vähintään 12 merkkiä.',
    mismatch: 'Salasanat eivät täsmää.',
  },
  sv: {
    password: 'Lösenord',
    passwordAgain: 'Lösenord igen',
    currentPassword: 'Nuvarande lösenord',
    newPassword: 'Nytt lösenord',
    newPasswordAgain: 'Nytt lösenord igen',
    hint: 'Minst 12 tecken.',
    short: 'Lösenordet måste vara minst 12 tecken långt.',
    mismatch: 'Lösenorden stämmer inte överens.',
  },
  en: {
    password: 'Password',
    passwordAgain: 'Password again',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordAgain: 'New password again',
    hint: 'At least 12 characters.',
    short: 'The password must be at least 12 characters long.',
    mismatch: 'The passwords do not match.',
  },
});
