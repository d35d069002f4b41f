import type { Language } from '../../db/schema/networks.js';
import type { Role } from '../../db/schema/index.js';
import type { Network } from '../../networks/networks.js';
import { agendaText } from '../../i18n/agenda.js';
import { auditText } from '../../i18n/audit.js';
import { networkText } from '../../i18n/networks.js';
import { reportText } from '../../i18n/reports.js';
import { resultsText } from '../../i18n/results.js';

export type NetworkSection = 'overview' | 'members' | 'rounds' | 'results' | 'agenda' | 'reports' | 'people' | 'outbox' | 'audit' | 'settings';

const COORDINATOR_SECTIONS: NetworkSection[] = ['overview', 'members', 'rounds', 'results', 'agenda', 'reports', 'people', 'outbox', 'audit', 'settings'];
/** Leaders read the activity log too: it is how they see what coordinators did to the roster. */
const LEADER_SECTIONS: NetworkSection[] = ['overview', 'results', 'agenda', 'audit'];

function label(section: NetworkSection, lang: Language): string {
  switch (section) {
    case 'results':
      return resultsText(lang).section;
    case 'agenda':
      return agendaText(lang).section_agenda;
    case 'reports':
      return reportText(lang).section_reports;
    case 'audit':
      return auditText(lang).title;
    default:
      return networkText(lang)[`section_${section}`];
  }
}

/** The network's sections; leaders see only what they may read. */
export function NetworkNav({ lang, network, role, current }: { lang: Language; network: Pick<Network, 'id' | 'name'>; role: Role; current: NetworkSection }) {
  const sections = role === 'coordinator' ? COORDINATOR_SECTIONS : LEADER_SECTIONS;
  const href = (section: NetworkSection) => `/networks/${network.id}${section === 'overview' ? '' : `/${section}`}`;
  return (
    <nav class="network-nav" aria-label={network.name}>
      <span class="network-name">{network.name}</span>
      <ul>
        {sections.map((section) => (
          <li>
            <a href={href(section)} aria-current={section === current ? 'page' : undefined}>
              {label(section, lang)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
