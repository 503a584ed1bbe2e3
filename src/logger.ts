import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs; credentials are redacted wherever they could appear. Header names arrive lower-cased
 * from Node, but objects built by hand (outgoing requests, configs) may carry `Authorization`. `destination`
 * defaults to stdout; tests pass a stream to read what would be written.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const secrets = [
    'authorization',
    'Authorization',
    'key',
    'adminKey',
    'apiKey',
    'secret',
    'token',
    'password',
  ];
  return pino(
    {
      level,
      base: { service: 'tradescreen' },
      redact: {
        paths: [
          ...secrets,
          ...secrets.map((s) => `*.${s}`),
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.Authorization',
          '*.headers.authorization',
          '*.headers.Authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
