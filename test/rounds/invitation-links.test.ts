import { describe, expect, it } from 'vitest';
import { hashToken, TOKEN_PATTERN } from '../../src/accounts/tokens.js';
import { invitationLink, invitationToken, invitationTokenHash } from '../../src/rounds/invitation-links.js';

const KEY = 'test-secret-key-0123456789abcdef0123456789';

describe('invitation links', () => {
  it('are 22 URL-safe characters (132 bits) that the answer routes accept', () => {
    const token = invitationToken(KEY, 1);
    expect(token).toHaveLength(22);
    expect(token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('are the same for the same invitation, so a reminder repeats the invitation link', () => {
    expect(invitationToken(KEY, 42)).toBe(invitationToken(KEY, 42));
    expect(invitationLink('https://pulssi.example.fi', KEY, 42)).toBe(`https://pulssi.example.fi/a/${invitationToken(KEY, 42)}`);
  });

  it('differ between invitations and between keys', () => {
    const tokens = new Set(Array.from({ length: 1000 }, (_, i) => invitationToken(KEY, i + 1)));
    expect(tokens.size).toBe(1000);
    expect(invitationToken(`${KEY}x`, 1)).not.toBe(invitationToken(KEY, 1));
  });

  it('are stored only as the keyed hash that the answer page looks up', () => {
    expect(invitationTokenHash(KEY, 7)).toBe(hashToken(KEY, invitationToken(KEY, 7)));
    expect(invitationTokenHash(KEY, 7)).not.toContain(invitationToken(KEY, 7));
  });

  it('stay well under 80 characters with a realistic host', () => {
    expect(invitationLink('https://verkostopulssi.itauusimaa.fi', KEY, 123456).length).toBeLessThan(80);
  });
});
