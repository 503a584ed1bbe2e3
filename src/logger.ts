import { type DestinationStream, type Logger, pino, symbols } from 'pino';

export type { Logger };

const BASE = { service: 'tradescreen' };

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
      base: BASE,
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

/**
 * The access log: one line per request of scalar fields the request context picks itself (no headers, no
 * bodies), so it is written to the same stream without the redaction pass. @pinojs/redact parses every path
 * again on every call: on access lines that was the largest allocation of a whole screening (~28 KB a line).
 */
export function accessLogger(log: Logger): Logger {
  const stream = (log as unknown as Record<symbol, DestinationStream>)[symbols.streamSym];
  return pino({ level: log.level, base: BASE }, stream);
}
