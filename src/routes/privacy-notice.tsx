import { Hono, type Context } from 'hono';
import type { PrivacyNoticeFields } from '../db/schema/networks.js';
import { parseInput, readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { noticeEditorText } from '../i18n/privacy-notice-editor.js';
import { noticeContent } from '../privacy/notice-content.js';
import { noticeInputSchema } from '../privacy/notice-input.js';
import { noticeUrl } from '../privacy/notice-link.js';
import { EMPTY_NOTICE, noticeSource, saveNotice } from '../privacy/notices.js';
import { Layout } from '../views/layout.js';
import { NetworkNav } from '../views/networks/network-nav.js';
import { NoticeDocument } from '../views/privacy/notice-document.js';
import { NoticeEditor, type NoticeValues } from '../views/privacy/notice-editor.js';
import { actorOf, csrfTokenOf } from '../http/session.js';

/** The coordinators' editor of the network's privacy notice; mounted at /networks/:networkId/privacy beside the access requests. */
export const privacyNoticeRoutes = new Hono<NetworkEnv>();
privacyNoticeRoutes.use('/notice', coordinatorOnly);
privacyNoticeRoutes.use('/notice/*', coordinatorOnly);

const FIELDS = ['controller', 'contactName', 'contactEmail', 'protectionOfficer', 'additional'] as const;

/** What was typed, as text, for the form to show again and the preview to fill in. */
function typed(input: Record<string, unknown>): NoticeValues {
  return Object.fromEntries(FIELDS.map((field) => [field, typeof input[field] === 'string' ? input[field] : ''])) as NoticeValues;
}

/** The notice as members would read it with these values, dated as stored. */
function previewOf(c: Context<NetworkEnv>, values: NoticeValues, stored: PrivacyNoticeFields | null) {
  return noticeContent(c.var.lang, noticeSource(c.var.network, { ...values, publishedAt: stored?.publishedAt ?? null }));
}

function editorPage(c: Context<NetworkEnv>, values: NoticeValues, errors: Record<string, string>, stored: PrivacyNoticeFields | null, outcome?: 'draft' | 'published') {
  const { network } = c.var;
  const { baseUrl, secretKey } = c.var.deps;
  return (
    <Layout lang={c.var.lang} title={`${noticeEditorText(c.var.lang).title} · ${network.name}`} path={c.req.path} session={c.var.session} scripts={['/static/build/privacy-notice.js']}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="settings" />
      <NoticeEditor
        lang={c.var.lang}
        csrfToken={csrfTokenOf(c)}
        action={`/networks/${network.id}/privacy/notice`}
        values={values}
        errors={errors}
        stored={stored}
        publicUrl={noticeUrl(baseUrl, secretKey, network.id, c.var.lang)}
        preview={previewOf(c, values, stored)}
        outcome={outcome}
      />
    </Layout>
  );
}

const OUTCOMES = ['draft', 'published'] as const;
const outcomeOf = (value: string | undefined) => OUTCOMES.find((outcome) => outcome === value);

// GET /networks/:networkId/privacy/notice
privacyNoticeRoutes.get('/notice', (c) => {
  const stored = c.var.network.privacyNotice;
  return c.html(editorPage(c, stored ?? EMPTY_NOTICE, {}, stored, outcomeOf(c.req.query('done'))));
});

// POST /networks/:networkId/privacy/notice — preview, save a draft, or publish.
privacyNoticeRoutes.post('/notice', async (c) => {
  const input = await readInput(c);
  const stored = c.var.network.privacyNotice;
  const parsed = parseInput(noticeInputSchema(c.var.lang), input);
  if (!parsed.ok) return c.html(editorPage(c, typed(input), parsed.fields, stored), 422);
  if (parsed.data.intent === 'preview') return c.html(editorPage(c, parsed.data, {}, stored));
  const saved = await saveNotice(c.var.deps.db, c.var.deps.clock, c.var.network, parsed.data, c.var.lang, actorOf(c));
  return c.redirect(`/networks/${c.var.network.id}/privacy/notice?done=${saved.publishedAt ? 'published' : 'draft'}`, 303);
});

// POST /networks/:networkId/privacy/notice/preview — the live preview's fragment; nothing is saved.
privacyNoticeRoutes.post('/notice/preview', async (c) => {
  const values = typed(await readInput(c));
  return c.html(<NoticeDocument content={previewOf(c, values, c.var.network.privacyNotice)} headingLevel={2} />);
});
