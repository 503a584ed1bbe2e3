import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';

const HEIGHT = 240;

/** Counts are whole: ticks of 1, 2, 5, 10, … so an axis never reads 0.5 screenings. */
const WHOLE_STEPS = Array.from({ length: 8 }, (_, i) => [1, 2, 5].map((m) => m * 10 ** i)).flat();
export const COUNT_AXIS: uPlot.Axis = { label: 'count', incrs: WHOLE_STEPS };

/**
 * One uPlot chart. uPlot draws on a canvas and styles its own elements through the CSSOM (element.style), which
 * `style-src` does not govern, so the page's CSP needs nothing for it. The canvas is a picture to assistive
 * technology (role="img" with a summary); the numbers are in the card's table.
 */
export function Chart({
  summary,
  options,
  data,
}: {
  summary: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(320, el.clientWidth);
    const plot = new uPlot({ ...options, width: width(), height: HEIGHT }, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [options, data]);
  return <div ref={box} class="chart" role="img" aria-label={summary} />;
}

/**
 * A chart with its heading, its one-sentence summary and its numbers as a table. The table is always in the
 * page for screen readers and visually collapsed until an officer asks for it.
 */
export function ChartCard({
  id,
  title,
  summary,
  chart,
  table,
}: {
  id: string;
  title: string;
  summary: string;
  chart: ComponentChildren;
  table: ComponentChildren;
}) {
  const [showTable, setShowTable] = useState(false);
  return (
    <section class="chart-card" aria-labelledby={`${id}-title`} data-chart={id}>
      <header class="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Hide the numbers' : 'Show the numbers'}
        </button>
      </header>
      <p class="muted chart-summary">{summary}</p>
      {chart}
      <div class={showTable ? 'chart-numbers' : 'chart-numbers sr-only'}>{table}</div>
    </section>
  );
}

/** Bars over named categories (lists, finding kinds, age buckets): uPlot's x axis is numeric, so x = index. */
export function categoryOptions(
  category: string,
  names: readonly string[],
  series: readonly { label: string; stroke: string; fill: string }[],
): Omit<uPlot.Options, 'width' | 'height'> {
  const n = series.length;
  const bar = uPlot.paths.bars;
  return {
    scales: {
      x: { time: false, range: () => [-0.5, names.length - 0.5] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      { splits: () => names.map((_, i) => i), values: (_u, splits) => splits.map((i) => names[i] ?? '') },
      COUNT_AXIS,
    ],
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: category, value: (_u, i) => (i === null ? '' : (names[i] ?? '')) },
      ...series.map((s, k) => ({
        label: s.label,
        stroke: s.stroke,
        fill: s.fill,
        // Side by side when there are two series (open and in review), centred when one.
        paths: bar?.({ size: [0.7 / n, 120], align: n === 1 ? 0 : k === 0 ? -1 : 1 }),
        points: { show: false },
      })),
    ],
  };
}
