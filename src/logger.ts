import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs; credentials are redacted wherever they could appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tradescreen' },
    redact: {
      paths: [
        'authorization',
        'req.headers.authorization',
        '*.authorization',
        'key',
        '*.key',
        '*.password',
        'adminKey',
      ],
      censor: '[redacted]',
    },
  });
}
