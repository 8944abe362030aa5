import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import { Invalid } from '../../src/core/errors.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.dataDir).toBe(path.resolve('/srv/app', 'data'));
    expect(c.databaseUrl).toBeNull();
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3000);
    expect(c.origin).toBe('http://127.0.0.1:3000');
    expect(c.duckdb).toEqual({ memoryLimit: '1GB', threads: 2, queryTimeoutMs: 10_000 });
    expect(c.policeApiUrl).toBe('https://data.police.uk/api');
  });

  it('reads every setting and derives the origin from host and port', () => {
    const c = loadConfig(
      { SCRUTINEER_DATA_DIR: '/var/lib/scrutineer', PORT: '8080', HOST: '0.0.0.0', SCRUTINEER_POLICE_API_URL: 'http://127.0.0.1:9/api/' },
      '/x'
    );
    expect(c.dataDir).toBe('/var/lib/scrutineer');
    expect(c.origin).toBe('http://0.0.0.0:8080');
    expect(c.policeApiUrl).toBe('http://127.0.0.1:9/api');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'not a url'],
    ['SCRUTINEER_DUCKDB_MEMORY_LIMIT', 'lots'],
    ['SCRUTINEER_LOG_LEVEL', 'chatty'],
    ['SCRUTINEER_AUTH_SECRET', 'too short'],
    ['SCRUTINEER_SIGN_IN_ATTEMPTS', '0'],
    ['SCRUTINEER_SMTP_URL', 'http://mail.example.org'],
    ['SCRUTINEER_SMTP_URL', 'not a url']
  ])('names the variable when %s=%s is not valid', (name, value) => {
    const attempt = () => loadConfig({ [name]: value });
    expect(attempt).toThrow(Invalid);
    expect(attempt).toThrow(new RegExp(`Setting ${name} is not valid`));
  });

  it('sends no mail without an SMTP server, and takes the From address from ORIGIN', () => {
    expect(loadConfig({ ORIGIN: 'https://scrutiny.example.org' }).mail).toEqual({ smtpUrl: null, from: 'Scrutineer <scrutineer@scrutiny.example.org>' });
    const c = loadConfig({ SCRUTINEER_SMTP_URL: 'smtp://user:pass@mail.example.org:587', SCRUTINEER_MAIL_FROM: 'Panel <panel@example.org>' });
    expect(c.mail).toEqual({ smtpUrl: 'smtp://user:pass@mail.example.org:587', from: 'Panel <panel@example.org>' });
  });
});
