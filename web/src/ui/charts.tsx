import { useId, type ReactNode } from 'react';
import { axisOf, type BarDatum } from '../dashboard/statistics';

/**
 * Charts as inline SVG, written by hand for this app (no chart library: four simple charts do not
 * need one, and the script stays small). Each is a figure whose SVG is one image to assistive
 * technology (`role="img"`, named by its caption, described by its summary), with the same figures
 * in a table below it: the table is the accessible form (WCAG 1.1.1), and nothing relies on
 * colour alone (each series has its own pattern and a legend, each bar its value written by it).
 */

const BAR_HEIGHT = 28;
const BAR_GAP = 12;
const LABEL_WIDTH = 300;
const VALUE_ROOM = 140;
const CHART_WIDTH = 760;

/** One bar per datum, across, each with its label before it and its value after it. */
export function BarChart({
  title,
  summary,
  data,
  unit,
}: {
  title: string;
  summary: string;
  data: BarDatum[];
  unit: string;
}) {
  const id = useId();
  const { top, ticks } = axisOf(Math.max(0, ...data.map((datum) => datum.value)));
  const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const height = data.length * (BAR_HEIGHT + BAR_GAP) + 28;
  const x = (value: number) => LABEL_WIDTH + (value / top) * plotWidth;
  return (
    <Figure id={id} title={title}>
      <svg
        className="chart"
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width={CHART_WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        focusable="false"
      >
        {ticks.map((tick) => (
          <g key={tick} className="chart__grid" aria-hidden="true">
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 24} />
            <text x={x(tick)} y={height - 6} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {data.map((datum, index) => {
          const y = index * (BAR_HEIGHT + BAR_GAP) + 4;
          return (
            <g key={datum.label} aria-hidden="true">
              <text
                className="chart__label"
                x={LABEL_WIDTH - 10}
                y={y + BAR_HEIGHT / 2}
                dominantBaseline="middle"
                textAnchor="end"
              >
                {datum.label}
              </text>
              <rect
                className="chart__bar"
                x={LABEL_WIDTH}
                y={y}
                width={Math.max(0, x(datum.value) - LABEL_WIDTH)}
                height={BAR_HEIGHT}
              />
              <text className="chart__value" x={x(datum.value) + 8} y={y + BAR_HEIGHT / 2} dominantBaseline="middle">
                {datum.value}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="visually-hidden" id={`${id}-summary`}>
        {summary}
      </p>
      <DataTable
        caption={`${title}: the figures`}
        headings={['', unit]}
        rows={data.map((datum) => [datum.label, datum.note ? `${datum.value} (${datum.note})` : String(datum.value)])}
      />
    </Figure>
  );
}

export interface ColumnGroup {
  /** Under the group on the axis (`16 Nov`); in full in the table. */
  shortLabel: string;
  label: string;
  values: Record<string, number>;
}

/** Columns side by side for each group (a week), one per series (a contact type), each series its own pattern. */
export function ColumnChart({
  title,
  summary,
  series,
  groups,
  unit,
}: {
  title: string;
  summary: string;
  series: { key: string; label: string }[];
  groups: ColumnGroup[];
  unit: string;
}) {
  const id = useId();
  const { top, ticks } = axisOf(
    Math.max(0, ...groups.flatMap((group) => series.map((one) => group.values[one.key] ?? 0))),
  );
  const left = 48;
  const plotHeight = 240;
  const bottom = 44;
  const groupWidth = Math.max(36, Math.min(96, (CHART_WIDTH - left) / Math.max(1, groups.length)));
  const width = left + groupWidth * groups.length + 8;
  const columnWidth = (groupWidth - 10) / series.length;
  const y = (value: number) => plotHeight - (value / top) * plotHeight + 8;
  // One label in every few when the weeks are many, so that none overlaps.
  const labelEvery = Math.ceil(groups.length / Math.floor(CHART_WIDTH / 72));
  return (
    <Figure id={id} title={title}>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((one, index) => (
          <li key={one.key}>
            <svg width="18" height="18" focusable="false">
              <rect className={`chart__series chart__series--${index}`} x="1" y="1" width="16" height="16" />
            </svg>
            {one.label}
          </li>
        ))}
      </ul>
      <svg
        className="chart"
        viewBox={`0 0 ${width} ${plotHeight + bottom}`}
        width={width}
        height={plotHeight + bottom}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        focusable="false"
      >
        <ChartPatterns />
        {ticks.map((tick) => (
          <g key={tick} className="chart__grid" aria-hidden="true">
            <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} />
            <text x={left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tick}
            </text>
          </g>
        ))}
        {groups.map((group, groupIndex) => (
          <g key={group.label} aria-hidden="true">
            {series.map((one, seriesIndex) => {
              const value = group.values[one.key] ?? 0;
              return (
                <rect
                  key={one.key}
                  className={`chart__series chart__series--${seriesIndex}`}
                  x={left + groupIndex * groupWidth + 5 + seriesIndex * columnWidth}
                  y={y(value)}
                  width={columnWidth}
                  height={y(0) - y(value)}
                />
              );
            })}
            {groupIndex % labelEvery === 0 && (
              <text
                className="chart__axis-label"
                x={left + groupIndex * groupWidth + groupWidth / 2}
                y={plotHeight + 30}
                textAnchor="middle"
              >
                {group.shortLabel}
              </text>
            )}
          </g>
        ))}
      </svg>
      <p className="visually-hidden" id={`${id}-summary`}>
        {summary}
      </p>
      <DataTable
        caption={`${title}: the figures`}
        headings={['', ...series.map((one) => `${one.label} (${unit})`)]}
        rows={groups.map((group) => [group.label, ...series.map((one) => String(group.values[one.key] ?? 0))])}
      />
    </Figure>
  );
}

/** The series' fills: solid, and hatched, so that two series differ in more than colour. */
function ChartPatterns() {
  return (
    <defs>
      <pattern id="chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect className="chart__hatch-ground" width="6" height="6" />
        <line className="chart__hatch-line" x1="0" y1="0" x2="0" y2="6" />
      </pattern>
    </defs>
  );
}

function Figure({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      {children}
    </figure>
  );
}

/** The chart's figures as a table, in a disclosure so that the page stays short for those who read the chart. */
function DataTable({ caption, headings, rows }: { caption: string; headings: string[]; rows: string[][] }) {
  return (
    <details className="chart-table">
      <summary>Show the figures as a table</summary>
      <div className="table-wrapper">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {headings.map((heading, index) =>
                index === 0 ? (
                  <td key={index} />
                ) : (
                  <th key={index} scope="col">
                    {heading}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map(([head, ...cells]) => (
              <tr key={head}>
                <th scope="row">{head}</th>
                {cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
