import type { ScreenRequest } from '../contract/screening-types.ts';
import { validateGoodsLines } from '../goods/index.ts';
import type { FieldError } from '../http/api-error.ts';

/**
 * What the schema cannot say: a tariff code that is not a code, a control number in no known format, goods with
 * nowhere to go. Each problem names its line, because a silent pass on an unreadable line is the failure a
 * compliance screen must never have.
 */
export function requestProblems(req: ScreenRequest): FieldError[] {
  const goods = req.goods ?? [];
  const problems: FieldError[] = validateGoodsLines(goods).map((p) => ({
    in: 'body',
    pointer: p.index === undefined ? `/goods` : `/goods/${p.index}/${p.field}`,
    message: `goods line ${p.index ?? '?'}: ${p.reason}`,
  }));
  if (goods.length > 0 && !req.route?.destination) {
    problems.push({
      in: 'body',
      pointer: '/route/destination',
      message: 'is required when goods are screened: export controls depend on where the goods go',
    });
  }
  return problems;
}
