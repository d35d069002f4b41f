import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('needs nothing: an embedded file database on port 3000', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: 'file:./data/verkostopulssi.db', baseUrl: 'http://127.0.0.1:3000', smtpUrl: undefined, mailMode: 'outbox' });
    // The key's default lies outside ./data and its backups.
    expect(config).toMatchObject({ secretKeyFile: './keys/secret.key', backupDir: './data/backups' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes every documented variable', () => {
    const config = parseConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      BASE_URL: 'https://pulssi.example.fi/',
      DATABASE_URL: 'libsql://db.example.fi',
      DATABASE_AUTH_TOKEN: 'tok',
      SMTP_URL: 'smtp://user:pw@mail.example.fi:587',
      MAIL_FROM: 'Pulssi <pulssi@example.fi>',
      SECRET_KEY: 'x'.repeat(40),
      SECRET_KEY_FILE: '/run/secrets/pulssi.key',
      BACKUP_DIR: '/srv/backups/pulssi',
      LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({ secretKeyFile: '/run/secrets/pulssi.key', backupDir: '/srv/backups/pulssi' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', baseUrl: 'https://pulssi.example.fi', databaseUrl: 'libsql://db.example.fi', databaseAuthToken: 'tok', logLevel: 'silent' });
    expect(parseConfig({ DATABASE_URL: ':memory:' }).databaseUrl).toBe(':memory:');
    expect(config.mailMode).toBe('smtp');
    expect(parseConfig({ HOST: '0.0.0.0', PORT: '4000', MAIL_MODE: 'outbox' }).baseUrl).toBe('http://localhost:4000');
  });

  it('trusts no proxy unless TRUSTED_PROXIES names addresses or CIDR ranges', () => {
    expect(parseConfig({}).trustedProxies).toEqual([]);
    expect(parseConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1 , fd00::/8' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/', '*']) expect(() => parseConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES: must be addresses or CIDR ranges/);
  });

  it.each([
    ['PORT', 'abc', /PORT: /],
    ['PORT', '70000', /PORT: /],
    ['BASE_URL', 'pulssi.example.fi', /BASE_URL: must be an http:\/\/ or https:\/\/ URL/],
    ['DATABASE_URL', 'postgres://x', /DATABASE_URL: must start with file:/],
    ['SMTP_URL', 'mail.example.fi', /SMTP_URL: must be an smtp:\/\//],
    ['SECRET_KEY', 'short', /SECRET_KEY: must be at least 32 characters/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: /],
    ['MAIL_MODE', 'print', /MAIL_MODE: must be smtp or outbox/],
    ['METRICS_TOKEN', 'guessable', /METRICS_TOKEN: must be at least 16 characters/],
  ])('stops on a bad %s with a message naming it', (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(message);
  });

  it('keeps mail unsent only when chosen, or for a trial on this machine', () => {
    const mode = (env: Record<string, string>) => parseConfig(env).mailMode;
    expect(mode({ SMTP_URL: 'smtp://mail.example.fi' })).toBe('smtp');
    expect(mode({ SMTP_URL: 'smtp://mail.example.fi', MAIL_MODE: 'smtp' })).toBe('smtp');
    expect(mode({ HOST: 'localhost' })).toBe('outbox');
    expect(mode({ HOST: '0.0.0.0', MAIL_MODE: 'outbox' })).toBe('outbox');
    // A server others can reach, or one with a public address, must say which.
    for (const env of [{ HOST: '0.0.0.0' }, { BASE_URL: 'https://pulssi.example.fi' }]) {
      expect(() => parseConfig(env)).toThrow(/SMTP_URL: not set.*MAIL_MODE=outbox.*npm run outbox/s);
    }
    expect(() => parseConfig({ MAIL_MODE: 'smtp' })).toThrow(/MAIL_MODE: smtp needs SMTP_URL/);
    expect(() => parseConfig({ MAIL_MODE: 'outbox', SMTP_URL: 'smtp://mail.example.fi' })).toThrow(/remove one of them/);
  });
});
