import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { Dashboard } from '../api-types.ts';
import { Chart, ChartCard } from '../components/chart.tsx';
import { Empty } from '../components/states.tsx';
import { when } from '../format.ts';
import { href } from '../router.ts';
import { daySeconds, freshnessSummary, PALETTE, publicationAgeByDay } from './dashboard-data.ts';

/** List versions and freshness over time: the age of each source's publication in use, day by day. */
export function FreshnessCard({ d }: { d: Dashboard }) {
  const summary = freshnessSummary(d.lists);
  const lines = useMemo(() => {
    const now = Date.parse(d.generatedAt);
    const dates = d.perDay.map((x) => x.date);
    return d.lists
      .map((l) => ({ list: l, ages: publicationAgeByDay(l, dates, now) }))
      .filter((x) => x.ages.some((a) => a !== null));
  }, [d]);
  const data = useMemo<uPlot.AlignedData>(
    () => [d.perDay.map((x) => daySeconds(x.date)), ...lines.map((l) => l.ages)],
    [d, lines],
  );
  const options = useMemo(
    () => ({
      scales: { x: { time: true } },
      axes: [{}, { label: 'days since publication' }],
      series: [
        {},
        ...lines.map((l, i) => ({
          label: l.list.stale ? `${l.list.id} (stale)` : l.list.id,
          stroke: PALETTE[i % PALETTE.length]!,
          width: l.list.stale ? 3 : 1.5,
          dash: l.list.stale ? [6, 3] : undefined,
          // A dot at each list's latest age: a version activated today is one day of data, which uPlot
          // draws as no line at all, so without the dot a list that is stale now would not be on the chart.
          points: { show: true, size: l.list.stale ? 9 : 6, filter: lastIndex(l.ages) },
        })),
      ],
    }),
    [lines],
  );
  return (
    <ChartCard
      id="freshness"
      title="List versions and freshness"
      summary={summary}
      chart={
        lines.length === 0 ? (
          <Empty>No list in use carries its authority's publication date.</Empty>
        ) : (
          <Chart
            summary={`${summary} The chart shows each list's days since publication.`}
            options={options}
            data={data}
          />
        )
      }
      table={
        <table class="data">
          <caption>List sources: freshness now and the versions in use during the period</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Now</th>
              <th scope="col">Active version</th>
              <th scope="col">Published</th>
              <th scope="col">Versions in use in the period</th>
            </tr>
          </thead>
          <tbody>
            {d.lists.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  <a href={href(`lists/${l.id}`)}>{l.title}</a>
                  <div class="muted">{l.id}</div>
                </th>
                <td>
                  {l.stale ? (
                    <span class="badge stale">stale</span>
                  ) : (
                    <span class="badge list-active">fresh</span>
                  )}
                  {l.staleReason && <div class="muted">{l.staleReason}</div>}
                </td>
                <td class="num">{l.activeVersion === null ? 'none' : `v${l.activeVersion}`}</td>
                <td>{when(l.publishedAt)}</td>
                <td>
                  {l.versions.length === 0
                    ? 'none'
                    : l.versions.map((v) => (
                        <div key={v.version}>
                          v{v.version} from {when(v.activatedAt)}
                          {v.deactivatedAt ? ` to ${when(v.deactivatedAt)}` : ' (in use)'}
                          {v.publishedAt ? `, published ${when(v.publishedAt)}` : ''}
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function lastIndex(ages: readonly (number | null)[]): number[] {
  for (let i = ages.length - 1; i >= 0; i--) if (ages[i] !== null) return [i];
  return [];
}
