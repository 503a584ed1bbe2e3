/** GET /screenings order: newest first, the id breaking ties between equal timestamps. */
export const newestFirst = (items: readonly { screenedAt: string; id: string }[]): boolean =>
  items.every(
    (s, i) =>
      i === 0 ||
      s.screenedAt < items[i - 1]!.screenedAt ||
      (s.screenedAt === items[i - 1]!.screenedAt && s.id < items[i - 1]!.id),
  );
