import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { NetworkEnv } from '../http/network-access.js';
import { requireUser } from '../http/session.js';
import { networkApi, networkHomeApi } from './api/networks.js';
import { networkHomeRoutes, networkRoutes } from './networks.js';
import { peopleRoutes } from './people.js';
import { memberRoutes } from './members.js';
import { memberErasureRoutes } from './member-erasure.js';
import { roundRoutes } from './rounds.js';
import { roundApi } from './api/rounds.js';
import { questionnaireRoutes } from './questionnaires.js';
import { questionnaireEditorRoutes } from './questionnaire-editor.js';
import { outboxRoutes } from './outbox.js';
import { memberApi } from './api/members.js';
import { resultsApi } from './api/results.js';
import { resultsRoutes } from './results.js';
import { actionApi } from './api/actions.js';
import { reportApi } from './api/reports.js';
import { cardApi } from './api/cards.js';
import { digestApi } from './api/digest.js';
import { resultsExports } from './api/results-exports.js';
import { agendaRoutes } from './agenda.js';
import { prioritisationRoutes } from './prioritisation.js';
import { reportLinkRoutes } from './report-links.js';
import { leaderReportRoutes } from './report-page.js';
import { networkCardRoutes } from './network-card.js';
import { auditRoutes } from './audit.js';
import { auditApi } from './api/audit.js';
import { accessRequestRoutes } from './access-requests.js';
import { processingRecordRoutes } from './processing-record.js';
import { privacyNoticeRoutes } from './privacy-notice.js';

/** Everything under /networks/:networkId, one router per section; each route applies its own role check. */
function scope(sections: Array<[string, Hono<NetworkEnv>]>): Hono<AppEnv> {
  const routes = new Hono<NetworkEnv>();
  routes.use(requireUser);
  for (const [path, section] of sections) routes.route(path, section);
  return routes as unknown as Hono<AppEnv>;
}

export function networkPages(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.route('/', networkRoutes);
  pages.route(
    '/:networkId',
    scope([
      ['/', networkHomeRoutes],
      ['/people', peopleRoutes],
      ['/members', memberErasureRoutes],
      ['/members', memberRoutes],
      ['/rounds', roundRoutes],
      ['/questionnaires', questionnaireRoutes],
      ['/questionnaires/:ownedId/edit', questionnaireEditorRoutes],
      ['/outbox', outboxRoutes],
      ['/results', resultsRoutes],
      ['/agenda/prioritise', prioritisationRoutes],
      ['/agenda', agendaRoutes],
      ['/reports', reportLinkRoutes],
      ['/report', leaderReportRoutes],
      ['/card', networkCardRoutes],
      ['/audit', auditRoutes],
      ['/privacy', accessRequestRoutes],
      ['/privacy', privacyNoticeRoutes],
      ['/privacy', processingRecordRoutes],
    ]),
  );
  return pages;
}

export function networkJsonApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.route('/', networkApi);
  api.route('/:networkId', scope([['/', networkHomeApi], ['/members', memberApi], ['/rounds', roundApi], ['/results', resultsApi], ['/results', resultsExports], ['/actions', actionApi], ['/', reportApi], ['/digest', digestApi], ['/audit', auditApi], ['/card', cardApi]]));
  return api;
}
