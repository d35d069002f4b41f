import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { HASHED_ASSET, PUBLIC_DIR, SOURCE_MAP } from './http/assets.js';
import { bodyLimit } from './http/body-limit.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { DomainError } from './http/errors.js';
import { refuseUnreadableBody } from './http/input.js';
import { minuteTime } from './http/answer-request-log.js';
import { isAnsweringPath, requestLog } from './http/request-log.js';
import { errorPage } from './views/error-page.js';
import { LANGUAGE_COOKIE, pickLanguage } from './i18n/language.js';
import { commonText } from './i18n/common.js';
import { fill } from './i18n/messages.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { requestMetrics } from './metrics/request-metrics.js';
import { homeRoutes } from './routes/home.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { setupRoutes } from './routes/setup.js';
import { authRoutes } from './routes/auth.js';
import { accountRoutes } from './routes/account.js';
import { passwordResetRoutes } from './routes/password-reset.js';
import { networkJsonApi, networkPages } from './routes/network-scope.js';
import { adminRoutes } from './routes/admin.js';
import { accessibilityRoutes } from './routes/accessibility.js';
import { joinRoutes } from './routes/join.js';
import { answerApi } from './routes/answer-api.js';
import { answerPage } from './routes/answer-page.js';
import { reportData } from './routes/report-data.js';
import { reportPage } from './routes/report-page.js';
import { publicNoticeRoutes } from './routes/public-notice.js';
import { createLoginLimiter } from './accounts/login-limiter.js';
import { IMPORT_BODY_BYTES } from './members/csv-format.js';
import { loadSession, refuseForeignOrigin } from './http/session.js';
import { linkGuard } from './http/link-guard.js';
import { loadOwnedVersions } from './catalogue/owned-versions.js';

export const MAX_BODY_BYTES = 256 * 1024;

function wantsJson(path: string, accept: string | undefined): boolean {
  return path.startsWith('/api/') || (accept ?? '').includes('application/json');
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('lang', pickLanguage(c));
    const asked = c.req.query('lang');
    if (asked === c.var.lang) setCookie(c, LANGUAGE_COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
    await next();
  });
  app.use(requestLog);
  app.use(requestMetrics);
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // SurveyJS sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // Never to other sites (links carry secrets); same-origin keeps the Origin header that form posts are checked by.
      referrerPolicy: 'same-origin',
    }),
  );
  const defaultLimit = bodyLimit(MAX_BODY_BYTES);
  // The member import carries a CSV file of up to 1 MB, a questionnaire import a JSON file of up to 512 kB.
  const importLimit = bodyLimit(IMPORT_BODY_BYTES);
  app.use((c, next) => (/^\/(api\/)?networks\/[^/]+\/(members|questionnaires)\/import$/.test(c.req.path) ? importLimit : defaultLimit)(c, next));
  // Pages and the stylesheet are compressed on the fly; built assets are served precompressed.
  app.use(compress());
  // A source map hands out the client code as written; none are built, and an older build's stay unserved.
  app.use('/static/*', async (c, next) => (SOURCE_MAP.test(c.req.path) ? c.notFound() : next()));
  app.use(
    '/static/*',
    serveStatic({
      root: PUBLIC_DIR,
      precompressed: true,
      rewriteRequestPath: (path) => path.replace(/^\/static/, ''),
      // Hashed names never change content: cache for a year, so a reminder visit downloads nothing.
      onFound: (path, c) => c.header('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  app.use(refuseForeignOrigin);
  app.use(refuseUnreadableBody);
  app.use(linkGuard());
  // Several server processes share a libSQL server: a version another one published is taken in before it is needed.
  if (deps.dataLocations?.database === 'server') {
    app.use(async (_c, next) => {
      await loadOwnedVersions(deps.db, deps.catalogue);
      await next();
    });
  }
  app.use(loadSession);
  // A signed-in user's pages and data (the outbox's live links among them) stay out of shared and back-button caches.
  app.use(async (c, next) => {
    const signedIn = c.var.session !== null;
    await next();
    if (signedIn) c.header('Cache-Control', 'no-store');
  });

  app.route('/', healthRoutes);
  app.route('/', metricsRoutes);
  app.route('/', homeRoutes);
  app.route('/catalogue', catalogueRoutes);
  app.route('/setup', setupRoutes);
  app.route('/', authRoutes(createLoginLimiter()));
  app.route('/account', accountRoutes());
  app.route('/reset', passwordResetRoutes());
  app.route('/join', joinRoutes);
  app.route('/a', answerApi);
  app.route('/a', answerPage);
  app.route('/r', reportData);
  app.route('/r', reportPage);
  app.route('/privacy', publicNoticeRoutes);
  app.route('/admin', adminRoutes);
  app.route('/accessibility', accessibilityRoutes());
  app.route('/networks', networkPages());
  app.route('/api/networks', networkJsonApi());

  app.notFound((c) => {
    const t = commonText(c.var.lang);
    if (wantsJson(c.req.path, c.req.header('accept'))) return c.json({ error: t.notFoundBody }, 404);
    return c.html(errorPage(c, t.notFoundTitle, t.notFoundBody), 404);
  });

  app.onError((error, c) => {
    const lang = c.var.lang ?? 'fi';
    const json = wantsJson(c.req.path, c.req.header('accept'));
    if (error instanceof DomainError || error instanceof HTTPException) {
      const status = error.status;
      const fields = 'fields' in error ? (error.fields as Record<string, string>) : undefined;
      if (json) return c.json({ error: error.message, ...(fields ? { fields } : {}) }, status);
      return c.html(errorPage(c, error.message, ''), status);
    }
    const id = c.var.requestId;
    // On the answering routes the line says only the minute, like their request counts.
    const time = isAnsweringPath(c.req.path) ? { time: minuteTime(deps.clock.now()) } : {};
    deps.log.error('unhandled error', { ...time, requestId: id, path: c.req.path, error });
    const t = commonText(lang);
    const body = fill(t.errorBody, { requestId: id });
    if (json) return c.json({ error: body, requestId: id }, 500);
    return c.html(errorPage(c, t.errorTitle, body), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
