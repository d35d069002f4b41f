import { BlockList, isIP } from 'node:net';

/** Whether an address is one of the reverse proxies whose forwarding headers we believe. */
export type TrustedProxies = (address: string) => boolean;

const SUBNET = /^([^/]+)\/(\d{1,3})$/;

/** "10.0.0.1" or "10.0.0.0/8" or "::1" or "fd00::/8". */
export function isAddressOrSubnet(entry: string): boolean {
  const [, base, prefix] = SUBNET.exec(entry) ?? [null, entry, null];
  const family = isIP(base!);
  return family !== 0 && (prefix === null || Number(prefix) <= (family === 4 ? 32 : 128));
}

/** A v4 peer on a dual-stack socket shows as ::ffff:a.b.c.d; the list is written in plain v4. */
export const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function trustProxies(entries: readonly string[]): TrustedProxies {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [, base, prefix] = SUBNET.exec(entry) ?? [null, entry, null];
    const type = isIP(base!) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === null) list.addAddress(base!, type);
    else list.addSubnet(base!, Number(prefix), type);
  }
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}
