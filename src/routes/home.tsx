import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { commonText } from '../i18n/common.js';
import { homeText } from '../i18n/home.js';
import { Layout } from '../views/layout.js';

export const homeRoutes = new Hono<AppEnv>();

// GET / — what the service is, and where to go.
homeRoutes.get('/', (c) => {
  const lang = c.var.lang;
  const common = commonText(lang);
  const t = homeText(lang);
  return c.html(
    <Layout lang={lang} title={common.tagline} path={c.req.url.slice(new URL(c.req.url).origin.length)}>
      <section class="card">
        <h1>{common.productName}</h1>
        <p class="lead">{common.tagline}</p>
        <p>{t.intro}</p>
        <p>
          <a class="button" href="/catalogue">
            {t.browseCatalogue}
          </a>
        </p>
      </section>
    </Layout>,
  );
});
