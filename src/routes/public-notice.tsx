import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { noticeContent } from '../privacy/notice-content.js';
import { networkOfNoticeKey } from '../privacy/notice-link.js';
import { noticeSource, publishedNotice } from '../privacy/notices.js';
import { NoticeNotFoundPage, NoticePage } from '../views/privacy/notice-page.js';

/** A network's published privacy notice, open to anyone with its link. */
export const publicNoticeRoutes = new Hono<AppEnv>();

// GET /privacy/:key?lang=sv
publicNoticeRoutes.get('/:key', async (c) => {
  const { db, secretKey } = c.var.deps;
  const lang = c.var.lang;
  const path = c.req.path;
  const networkId = networkOfNoticeKey(secretKey, c.req.param('key'));
  const found = networkId === null ? null : await publishedNotice(db, networkId);
  if (!found) return c.html(<NoticeNotFoundPage lang={lang} path={path} session={c.var.session} />, 404);
  return c.html(<NoticePage lang={lang} path={path} session={c.var.session} content={noticeContent(lang, noticeSource(found.network, found.notice))} />);
});
