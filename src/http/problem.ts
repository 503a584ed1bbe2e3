import type { Response } from 'express';
import type { components } from '../generated/api.ts';
import type { ApiError } from './api-error.ts';

export type ProblemBody = components['schemas']['Problem'];

export function sendProblem(res: Response, body: ProblemBody, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

export const PROBLEM_TYPE_BASE = 'https://tradescreen.dev/problems/';

export function problemOf(e: ApiError, instance: string, requestId?: string): ProblemBody {
  return {
    type: `${PROBLEM_TYPE_BASE}${e.title.toLowerCase().replaceAll(' ', '-')}`,
    title: e.title,
    status: e.status,
    ...(e.detail ? { detail: e.detail } : {}),
    instance,
    ...(requestId ? { requestId } : {}),
    ...(e.errors ? { errors: e.errors } : {}),
  };
}
