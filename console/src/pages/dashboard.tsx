import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { ApiClient } from '../api.ts';
import type { Dashboard } from '../api-types.ts';
import { Chart, ChartCard, COUNT_AXIS, categoryOptions } from '../components/chart.tsx';
import { Empty, ErrorNotice, Loading } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { href, type Route } from '../router.ts';
import {
  backlogSummary,
  DECISION_COLOURS as C,
  daySeconds,
  rankedSummary,
  volumeSummary,
} from './dashboard-data.ts';
import { FreshnessCard } from './dashboard-freshness.tsx';

const PERIODS = [7, 30, 90, 366] as const;

export function DashboardPage({ api, route }: { api: ApiClient; route: Route }) {
  const asked = Number(route.query.get('days'));
  const days = (PERIODS as readonly number[]).includes(asked) ? asked : 30;
  const [load, reload] = useLoad(() => api.get<Dashboard>('/dashboard', { days }), [api, days]);
  return (
    <section aria-labelledby="dashboard-title">
      <header class="page-head">
        <h1 id="dashboard-title">Dashboard</h1>
        <nav aria-label="Period" class="periods">
          {PERIODS.map((p) => (
            <a
              key={p}
              href={href('dashboard', { days: String(p) })}
              aria-current={p === days ? 'page' : undefined}
            >
              {p === 366 ? '1 year' : `${p} days`}
            </a>
          ))}
        </nav>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </header>
      {load.state === 'loading' && <Loading what="the dashboard" />}
      {load.state === 'error' && <ErrorNotice error={load.error} retry={reload} />}
      {load.state === 'ready' && <Charts d={load.data} />}
    </section>
  );
}

function Charts({ d }: { d: Dashboard }) {
  // Stable between renders, so a chart is redrawn only when its data changes.
  const hits = useMemo(() => d.hitsBySource.map((h) => ({ name: h.source, count: h.screenings })), [d]);
  const kinds = useMemo(() => d.findingsByKind.map((k) => ({ name: k.kind, count: k.findings })), [d]);
  return (
    <div class="charts">
      <VolumeCard d={d} />
      <RankedCard
        id="hits"
        title="Hits by list"
        category="List"
        what="lists with hits"
        unit="hits"
        column="Screenings with a hit"
        items={hits}
      />
      <RankedCard
        id="kinds"
        title="Findings by kind"
        category="Kind"
        what="finding kinds"
        unit="findings"
        column="Findings"
        items={kinds}
      />
      <BacklogCard backlog={d.backlog} />
      <FreshnessCard d={d} />
    </div>
  );
}

function VolumeCard({ d }: { d: Dashboard }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      d.perDay.map((x) => daySeconds(x.date)),
      d.perDay.map((x) => x.screenings),
      d.perDay.map((x) => x.clear),
      d.perDay.map((x) => x.review),
      d.perDay.map((x) => x.block),
      d.perDay.map((x) => x.reviews),
    ],
    [d],
  );
  const options = useMemo(
    () => ({
      scales: {
        x: { time: true },
        y: { range: (_u: uPlot, _min: number, max: number) => [0, Math.max(1, max)] as uPlot.Range.MinMax },
      },
      axes: [{}, { ...COUNT_AXIS, label: 'screenings' }],
      series: [
        {},
        { label: 'Screenings', stroke: C.total, width: 2 },
        { label: 'Clear', stroke: C.clear },
        { label: 'Review', stroke: C.review, dash: [6, 3] },
        { label: 'Block', stroke: C.block, dash: [2, 2] },
        { label: 'Officer reviews', stroke: C.reviews, width: 2, dash: [1, 3] },
      ],
    }),
    [],
  );
  return (
    <ChartCard
      id="volume"
      title="Screenings, decisions and reviews per day"
      summary={volumeSummary(d)}
      chart={<Chart summary={volumeSummary(d)} options={options} data={data} />}
      table={
        <table class="data">
          <caption>Screenings per day (UTC) by decision, and officers' reviews</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Screenings</th>
              <th scope="col">Clear</th>
              <th scope="col">Review</th>
              <th scope="col">Block</th>
              <th scope="col">Officer reviews</th>
            </tr>
          </thead>
          <tbody>
            {d.perDay.map((x) => (
              <tr key={x.date}>
                <th scope="row">{x.date}</th>
                <td class="num">{x.screenings}</td>
                <td class="num">{x.clear}</td>
                <td class="num">{x.review}</td>
                <td class="num">{x.block}</td>
                <td class="num">{x.reviews}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function RankedCard(props: {
  id: string;
  title: string;
  /** The category's name, for the legend and the table's first column. */
  category: string;
  what: string;
  unit: string;
  column: string;
  items: { name: string; count: number }[];
}) {
  const { items } = props;
  const summary = rankedSummary(props.what, items, props.unit);
  const data = useMemo<uPlot.AlignedData>(() => [items.map((_, i) => i), items.map((i) => i.count)], [items]);
  const options = useMemo(
    () =>
      categoryOptions(
        props.category,
        items.map((i) => i.name),
        [{ label: props.column, stroke: C.total, fill: '#1f5fbf99' }],
      ),
    [items, props.category, props.column],
  );
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      summary={summary}
      chart={
        items.length === 0 ? (
          <Empty>Nothing to draw for this period.</Empty>
        ) : (
          <Chart summary={summary} options={options} data={data} />
        )
      }
      table={
        <table class="data">
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.category}</th>
              <th scope="col">{props.column}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.name}>
                <th scope="row">{i.name}</th>
                <td class="num">{i.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function BacklogCard({ backlog }: { backlog: Dashboard['backlog'] }) {
  const summary = backlogSummary(backlog);
  const data = useMemo<uPlot.AlignedData>(
    () => [
      backlog.buckets.map((_, i) => i),
      backlog.buckets.map((b) => b.open),
      backlog.buckets.map((b) => b.inReview),
    ],
    [backlog],
  );
  const options = useMemo(
    () =>
      categoryOptions(
        'Age',
        backlog.buckets.map((b) => b.label),
        [
          { label: 'Open', stroke: C.review, fill: '#8a530099' },
          { label: 'In review', stroke: C.total, fill: '#1f5fbf99' },
        ],
      ),
    [backlog],
  );
  return (
    <ChartCard
      id="backlog"
      title="Open backlog by age"
      summary={summary}
      chart={<Chart summary={summary} options={options} data={data} />}
      table={
        <table class="data">
          <caption>Open and in-review screenings by age, now</caption>
          <thead>
            <tr>
              <th scope="col">Age</th>
              <th scope="col">Open</th>
              <th scope="col">In review</th>
            </tr>
          </thead>
          <tbody>
            {backlog.buckets.map((b) => (
              <tr key={b.bucket}>
                <th scope="row">{b.label}</th>
                <td class="num">{b.open}</td>
                <td class="num">{b.inReview}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
