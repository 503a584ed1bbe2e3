/** A finding's severity (openapi.yaml `Severity`); goods, screening and screen jobs all use this one type. */
export type Severity = 'block' | 'review' | 'info';

/**
 * The order a decision rises in: info < review < block. Defined once, for `decide`, the order findings are
 * answered in, a job row's strongest finding and goods.
 */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, review: 1, block: 2 };
