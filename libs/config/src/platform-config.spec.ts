import { ConfigError, loadPlatformConfig } from './platform-config';

describe('loadPlatformConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadPlatformConfig({});
    expect(config.database).toEqual({ url: undefined, poolSize: 20, dataDir: './data', embeddedPort: 54329 });
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.kafka).toBeUndefined();
    expect(config.subscriptions).toEqual({ batchSize: 500, pollIntervalMs: 1000 });
  });

  it('splits KAFKA_BROKERS and treats blank variables as unset', () => {
    const config = loadPlatformConfig({ KAFKA_BROKERS: ' a:9092, b:9092 ,', DATABASE_URL: '', API_PORT: '' });
    expect(config.kafka?.brokers).toEqual(['a:9092', 'b:9092']);
    expect(config.database.url).toBeUndefined();
    expect(config.api.port).toBe(3000);
  });

  it('names every bad variable', () => {
    let caught: unknown;
    try {
      loadPlatformConfig({ API_PORT: 'seventy', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const variables = (caught as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['API_PORT', 'DATABASE_URL', 'LOG_LEVEL']);
    expect((caught as ConfigError).message).toContain('API_PORT');
  });
});
