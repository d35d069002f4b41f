import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { networkText } from '../../i18n/networks.js';
import { resultsText } from '../../i18n/results.js';
import { agendaText } from '../../i18n/agenda.js';
import { reportText } from '../../i18n/reports.js';

export type NetworkSection = 'overview' | 'members' | 'rounds' | 'results' | 'agenda' | 'reports' | 'people' | 'outbox' | 'settings';

const COORDINATOR_SECTIONS: NetworkSection[] = ['overview', 'members', 'rounds', 'results', 'agenda', 'reports', 'people', 'outbox', 'settings'];
const LEADER_SECTIONS: NetworkSection[] = ['overview', 'results', 'agenda'];

/** The network's sections; leaders see only what they may read. */
export function NetworkNav({ c, current }: { c: Context<NetworkEnv>; current: NetworkSection }) {
  const t = networkText(c.var.lang);
  const { network, role } = c.var;
  const sections = role === 'coordinator' ? COORDINATOR_SECTIONS : LEADER_SECTIONS;
  const href = (section: NetworkSection) => `/networks/${network.id}${section === 'overview' ? '' : `/${section}`}`;
  return (
    <nav class="network-nav" aria-label={network.name}>
      <span class="network-name">{network.name}</span>
      <ul>
        {sections.map((section) => (
          <li>
            <a href={href(section)} aria-current={section === current ? 'page' : undefined}>
              {section === 'results'
                ? resultsText(c.var.lang).section
                : section === 'agenda'
                  ? agendaText(c.var.lang).section_agenda
                  : section === 'reports'
                    ? reportText(c.var.lang).section_reports
                    : t[`section_${section}`]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
