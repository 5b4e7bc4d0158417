import type { LoggerOptions } from 'pino';

/** Paths pino replaces with [Redacted]: credentials never reach a log line. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.databaseUrl',
  'DATABASE_URL',
];

export function pinoOptions(level: string, name: string): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[Redacted]' },
  };
}
