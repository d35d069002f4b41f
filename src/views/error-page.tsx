import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { Layout } from './layout.js';

export function errorPage(c: Context<AppEnv>, title: string, body: string) {
  return (
    <Layout lang={c.var.lang ?? 'fi'} title={title} path={c.req.path} session={c.var.session}>
      <section class="notice">
        <h1>{title}</h1>
        {body && <p>{body}</p>}
      </section>
    </Layout>
  );
}
