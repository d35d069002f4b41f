import type { Language } from '../../db/schema/networks.js';
import type { PageContext } from '../../http/env.js';
import { csrfTokenOf } from '../../http/session.js';
import { authText } from '../../i18n/auth.js';
import { fill } from '../../i18n/messages.js';
import type { Role } from '../../db/schema/index.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { Layout } from '../layout.js';
import { PasswordFields } from './password-fields.js';

export type JoinInvite = { email: string; role: Role; networkName: string };

/**
 * What the visitor may do with the link: create the account (the address is
 * new), accept as its signed-in owner, or first sign in as the owner.
 */
export type JoinState = { kind: 'create'; errors?: Record<string, string> } | { kind: 'accept' } | { kind: 'sign-in' } | { kind: 'other-account'; signedInAs: string } | { kind: 'taken' };

/** path: the link's own address, where signing in returns to. */
function JoinBody({ lang, csrfToken, path, invite, state }: { lang: Language; csrfToken: string; path: string; invite: JoinInvite; state: JoinState }) {
  const t = authText(lang);
  const email = invite.email;
  const signIn = (
    <p>
      <a href={`/login?next=${encodeURIComponent(path)}`}>{t.signIn}</a>
    </p>
  );
  switch (state.kind) {
    case 'create':
      return (
        <form method="post" novalidate>
          <Field name="name" label={t.name} error={state.errors?.name} autocomplete="name" />
          <PasswordFields lang={lang} errors={state.errors ?? {}} />
          <button type="submit">{t.joinCreate}</button>
        </form>
      );
    case 'accept':
      return (
        <form method="post">
          <CsrfField token={csrfToken} />
          <p>{fill(t.joinExisting, { email })}</p>
          <button type="submit">{t.joinAccept}</button>
        </form>
      );
    case 'sign-in':
      return (
        <>
          <p>{fill(t.joinSignIn, { email })}</p>
          {signIn}
        </>
      );
    case 'other-account':
      return <p>{fill(t.joinOtherAccount, { email, current: state.signedInAs })}</p>;
    case 'taken':
      return (
        <>
          <p role="alert">{fill(t.joinTaken, { email })}</p>
          {signIn}
        </>
      );
  }
}

export function JoinPage({ c, invite, state }: { c: PageContext; invite: JoinInvite; state: JoinState }) {
  const t = authText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={t.joinTitle} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{t.joinTitle}</h1>
        <p>{fill(t[`joinIntro_${invite.role}`], { network: invite.networkName })}</p>
        <JoinBody lang={c.var.lang} csrfToken={csrfTokenOf(c)} path={c.req.path} invite={invite} state={state} />
      </section>
    </Layout>
  );
}

export function GonePage({ c }: { c: PageContext }) {
  const t = authText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={t.linkGone} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{t.linkGone}</h1>
        <p>{t.linkGoneBody}</p>
      </section>
    </Layout>
  );
}
