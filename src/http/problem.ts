import type { Response } from 'express';
import type { ApiError, FieldError } from './api-error.ts';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

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
