import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { networkText } from '../../i18n/networks.js';

export type NetworkSection = 'overview' | 'members' | 'rounds' | 'people' | 'outbox' | 'settings';

const COORDINATOR_SECTIONS: NetworkSection[] = ['members', 'rounds', 'people', 'outbox', 'settings'];

/** The network's sections; leaders see only what they may read. */
export function NetworkNav({ c, current }: { c: Context<NetworkEnv>; current: NetworkSection }) {
  const t = networkText(c.var.lang);
  const { network, role } = c.var;
  const sections: NetworkSection[] = ['overview', ...(role === 'coordinator' ? COORDINATOR_SECTIONS : [])];
  const href = (section: NetworkSection) => `/networks/${network.id}${section === 'overview' ? '' : `/${section}`}`;
  return (
    <nav class="network-nav" aria-label={network.name}>
      <span class="network-name">{network.name}</span>
      <ul>
        {sections.map((section) => (
          <li>
            <a href={href(section)} aria-current={section === current ? 'page' : undefined}>
              {t[`section_${section}`]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
