import type { FieldError } from '../http/api-error.ts';

export interface ListSelection {
  include?: string[];
  exclude?: string[];
}

export interface SelectionContext {
  /** The lists this request would be screened against unfiltered: the catalog's, plus an as-of snapshot's. */
  listIds: readonly string[];
  /** The tenant's own watchlists (`custom:<id>`): always the tenant's to exclude. */
  tenantLists: readonly string[];
  /** The tenant policy's `excludableLists`. */
  excludable: readonly string[];
}

export interface SelectionProblems {
  unknown: string[];
  protectedLists: string[];
  errors: FieldError[];
}

/** Whether a source survives the request's selection (the same rule screening and watchlists apply). */
export const selects = (selection: ListSelection | undefined, id: string): boolean =>
  !selection?.exclude?.includes(id) && (!selection?.include || selection.include.includes(id));

/**
 * Pure: what is wrong with a request's list selection. An unknown id is refused because a typo in `include`
 * would silently exclude every list; a list the policy protects is refused rather than screened anyway, so the
 * stored request, the answer and the caller's own records never disagree on what was screened.
 */
export function selectionProblems(
  selection: ListSelection | undefined,
  ctx: SelectionContext,
): SelectionProblems {
  const out: SelectionProblems = { unknown: [], protectedLists: [], errors: [] };
  if (!selection?.include && !selection?.exclude) return out;
  const known = new Set([...ctx.listIds, ...ctx.tenantLists]);
  for (const field of ['include', 'exclude'] as const) {
    selection[field]?.forEach((id, i) => {
      if (known.has(id)) return;
      if (!out.unknown.includes(id)) out.unknown.push(id);
      out.errors.push({
        in: 'body',
        pointer: `/options/lists/${field}/${i}`,
        message: `“${id}” is no list of GET /lists and no watchlist of this tenant (custom:<watchlistId>)`,
      });
    });
  }
  const excludable = new Set(ctx.excludable);
  for (const id of new Set(ctx.listIds)) {
    if (selects(selection, id) || excludable.has(id)) continue;
    out.protectedLists.push(id);
    const at = selection.exclude?.indexOf(id) ?? -1;
    out.errors.push({
      in: 'body',
      pointer: at >= 0 ? `/options/lists/exclude/${at}` : '/options/lists/include',
      message: `the tenant policy does not let a request exclude “${id}” (see excludableLists)`,
    });
  }
  return out;
}

/** The problem's one-line detail, naming every id. */
export function selectionDetail(p: SelectionProblems): string {
  const parts: string[] = [];
  if (p.unknown.length > 0) parts.push(`unknown lists: ${p.unknown.join(', ')}`);
  if (p.protectedLists.length > 0)
    parts.push(`lists the tenant policy does not let a request exclude: ${p.protectedLists.join(', ')}`);
  return `The list selection cannot be honoured: ${parts.join('; ')}`;
}
