import { ConfigError, integer, list, loadConfig, text, url } from './config';

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

  it('refuses numbers outside their range', () => {
    expect(() => loadConfig({ PORT: integer({ min: 1, max: 65535 }) }, { PORT: '70000' })).toThrow('PORT must be ≤ 65535');
  });
});
