import { base64Key, ConfigError, integer, list, loadConfig, text, url, urls } from './config';

describe('loadConfig', () => {
  const spec = {
    PORT: integer({ default: 8080, min: 1, max: 65535 }),
    DATABASE_URL: url({ protocols: ['postgres', 'postgresql'] }),
    KAFKA_BROKERS: list(),
    SERVICE_NAME: text({ default: 'gateway' }),
  };

  it('reads settings from the environment and applies defaults', () => {
    const config = loadConfig(spec, { DATABASE_URL: 'postgres://localhost/x', KAFKA_BROKERS: 'a:1, b:2' });
    expect(config).toEqual({
      PORT: 8080,
      DATABASE_URL: 'postgres://localhost/x',
      KAFKA_BROKERS: ['a:1', 'b:2'],
      SERVICE_NAME: 'gateway',
    });
  });

  it('names every setting at fault at once', () => {
    let error: unknown;
    try {
      loadConfig(spec, { PORT: 'eighty', DATABASE_URL: 'mysql://x/y' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be an integer, got "eighty"',
      'DATABASE_URL must use postgres or postgresql',
      'KAFKA_BROKERS is required',
    ]);
  });

  it('reads the replicas of a service as one URL or several, and refuses a list with a bad one', () => {
    const replicas = { METER_POINTS_URL: urls({ default: 'http://127.0.0.1:8082' }) };
    expect(loadConfig(replicas, {}).METER_POINTS_URL).toEqual(['http://127.0.0.1:8082']);
    expect(loadConfig(replicas, { METER_POINTS_URL: 'http://a:1, http://b:2' }).METER_POINTS_URL).toEqual(['http://a:1', 'http://b:2']);
    expect(() => loadConfig(replicas, { METER_POINTS_URL: 'http://a:1,b:2' })).toThrow('METER_POINTS_URL must use http or https');
    expect(() => loadConfig(replicas, { METER_POINTS_URL: ' , ' })).toThrow('METER_POINTS_URL must list at least one URL');
  });

  it('refuses numbers outside their range', () => {
    expect(() => loadConfig({ PORT: integer({ min: 1, max: 65535 }) }, { PORT: '70000' })).toThrow('PORT must be ≤ 65535');
  });

  it('reads a base64 secret key of the exact length, and never repeats a wrong one', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig({ KEY: base64Key({ bytes: 32 }) }, { KEY: key.toString('base64') }).KEY).toEqual(key);
    for (const wrong of ['c2hvcnQ=', Buffer.alloc(33, 1).toString('base64'), 'not base64 at all!!']) {
      expect(() => loadConfig({ KEY: base64Key({ bytes: 32 }) }, { KEY: wrong })).toThrow('KEY must be 32 random bytes in base64');
      try {
        loadConfig({ KEY: base64Key({ bytes: 32 }) }, { KEY: wrong });
      } catch (error) {
        expect(String(error)).not.toContain(wrong);
      }
    }
    expect(() => loadConfig({ KEY: base64Key({ bytes: 32 }) }, {})).toThrow('KEY is required');
  });
});
