import { useMemo } from "react";
import { formatPeriod } from "../../../../components/format.js";
import { HiddenDataTable } from "../../../selection/components/charts/chart-support.js";
import { EChart } from "../../../strategy/components/EChart.js";
import { formatNumber } from "../../labels.js";
import type { Tracking } from "../../types.js";

export const BURN_UP_COLORS = {
  planned: "#1864ab",
  band: "rgba(24, 100, 171, 0.14)",
  actual: "#c2255c",
  forecast: "#a33a00",
  cone: "rgba(232, 89, 12, 0.18)",
  target: "#2b8a3e",
} as const;

type Row = {
  period: string;
  planned: number | null;
  low: number | null;
  high: number | null;
  actual: number | null;
  forecast: number | null;
  forecastLow: number | null;
  forecastHigh: number | null;
};

/** One row per month from the first profile month to the target month (or the last forecast month). */
export function burnUpRows(tracking: Tracking): Row[] {
  const byPeriod = new Map<string, Row>();
  const row = (period: string): Row => {
    let r = byPeriod.get(period);
    if (!r) {
      r = {
        period,
        planned: null,
        low: null,
        high: null,
        actual: null,
        forecast: null,
        forecastLow: null,
        forecastHigh: null,
      };
      byPeriod.set(period, r);
    }
    return r;
  };
  for (const p of tracking.periods) {
    const r = row(p.period);
    r.planned = p.planned;
    r.low = p.low;
    r.high = p.high;
    r.actual = p.actual;
  }
  const points = tracking.forecast?.points ?? [];
  if (points.length > 0) {
    // The dashed forecast starts from the latest actual, so the two lines join.
    const lastActual = [...tracking.periods].reverse().find((p) => p.actual !== null);
    if (lastActual && lastActual.actual !== null) {
      const r = row(lastActual.period);
      r.forecast = lastActual.actual;
      r.forecastLow = lastActual.actual;
      r.forecastHigh = lastActual.actual;
    }
    for (const p of points) {
      const r = row(p.period);
      r.forecast = p.value;
      r.forecastLow = p.low;
      r.forecastHigh = p.high;
    }
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * The burn-up chart of a benefit: the planned profile, the tolerance band behind it, the actuals,
 * the forecast to the target month with its 80 % cone, and the target.
 */
export default function BurnUpChart({
  tracking,
  unit,
  target,
  targetPeriod,
  title,
}: {
  tracking: Tracking;
  unit: string;
  target: number | null;
  targetPeriod: string | null;
  title: string;
}) {
  const rows = useMemo(() => burnUpRows(tracking), [tracking]);
  const hasForecast = rows.some((r) => r.forecast !== null);
  const hasBand = rows.some((r) => r.low !== null && r.high !== null);
  const option = useMemo(() => {
    const months = rows.map((r) => r.period);
    const u = unit ? ` ${unit}` : "";
    const value = (v: number | null) => (v === null ? "—" : `${formatNumber(v)}${u}`);
    const targetIndex = targetPeriod ? months.indexOf(targetPeriod) : -1;
    return {
      grid: { left: 64, right: 24, top: 64, bottom: 40 },
      legend: {
        top: 0,
        data: [
          "Planned",
          ...(hasBand ? ["Tolerance band"] : []),
          "Actual",
          ...(hasForecast ? ["Forecast", "Forecast 80 % range"] : []),
          ...(target !== null && targetIndex >= 0 ? ["Target"] : []),
        ],
      },
      tooltip: {
        trigger: "axis",
        formatter: (params: { dataIndex: number }[]) => {
          const r = rows[params[0]?.dataIndex ?? -1];
          if (!r) return "";
          const lines = [`<strong>${formatPeriod(r.period)}</strong>`, `Planned: ${value(r.planned)}`];
          if (r.low !== null && r.high !== null) lines.push(`Tolerance: ${value(r.low)} to ${value(r.high)}`);
          if (r.actual !== null) lines.push(`Actual: ${value(r.actual)}`);
          if (r.forecast !== null && r.actual === null)
            lines.push(`Forecast: ${value(r.forecast)} (${value(r.forecastLow)} to ${value(r.forecastHigh)})`);
          return lines.join("<br/>");
        },
      },
      xAxis: { type: "category", data: months.map(formatPeriod), boundaryGap: false },
      yAxis: { type: "value", scale: true, name: unit || undefined },
      series: [
        // The tolerance band: an invisible base at the low edge, and the band's height stacked on it.
        ...(hasBand
          ? [
              {
                name: "Tolerance base",
                type: "line",
                stack: "band",
                stackStrategy: "all",
                data: rows.map((r) => r.low),
                symbol: "none",
                lineStyle: { opacity: 0 },
                silent: true,
              },
              {
                name: "Tolerance band",
                type: "line",
                stack: "band",
                stackStrategy: "all",
                data: rows.map((r) => (r.low !== null && r.high !== null ? r.high - r.low : null)),
                symbol: "none",
                lineStyle: { opacity: 0 },
                areaStyle: { color: BURN_UP_COLORS.band },
                itemStyle: { color: BURN_UP_COLORS.band },
                silent: true,
              },
            ]
          : []),
        ...(hasForecast
          ? [
              {
                name: "Cone base",
                type: "line",
                stack: "cone",
                stackStrategy: "all",
                data: rows.map((r) => r.forecastLow),
                symbol: "none",
                lineStyle: { opacity: 0 },
                silent: true,
              },
              {
                name: "Forecast 80 % range",
                type: "line",
                stack: "cone",
                stackStrategy: "all",
                data: rows.map((r) =>
                  r.forecastLow !== null && r.forecastHigh !== null ? r.forecastHigh - r.forecastLow : null,
                ),
                symbol: "none",
                lineStyle: { opacity: 0 },
                areaStyle: { color: BURN_UP_COLORS.cone },
                itemStyle: { color: BURN_UP_COLORS.cone },
                silent: true,
              },
              {
                name: "Forecast",
                type: "line",
                data: rows.map((r) => r.forecast),
                symbol: "none",
                lineStyle: { color: BURN_UP_COLORS.forecast, type: "dashed", width: 2 },
                itemStyle: { color: BURN_UP_COLORS.forecast },
              },
            ]
          : []),
        {
          name: "Planned",
          type: "line",
          data: rows.map((r) => r.planned),
          symbol: "none",
          lineStyle: { color: BURN_UP_COLORS.planned, width: 2 },
          itemStyle: { color: BURN_UP_COLORS.planned },
        },
        {
          name: "Actual",
          type: "line",
          data: rows.map((r) => r.actual),
          connectNulls: true,
          symbol: "circle",
          symbolSize: 8,
          lineStyle: { color: BURN_UP_COLORS.actual, width: 3 },
          itemStyle: { color: BURN_UP_COLORS.actual },
        },
        ...(target !== null && targetIndex >= 0
          ? [
              {
                name: "Target",
                type: "scatter",
                data: rows.map((_r, i) => (i === targetIndex ? target : null)),
                symbol: "diamond",
                symbolSize: 16,
                itemStyle: { color: BURN_UP_COLORS.target, borderColor: "#fff", borderWidth: 1 },
                label: {
                  show: true,
                  position: "left",
                  formatter: `Target ${formatNumber(target)}`,
                  color: "#212529",
                  fontWeight: "bold",
                },
              },
            ]
          : []),
      ],
    };
  }, [rows, unit, target, targetPeriod, hasBand, hasForecast]);

  const u = unit ? ` (${unit})` : "";
  return (
    <>
      <EChart
        option={option}
        height={340}
        label={`Burn-up chart of ${title}: the planned profile${hasBand ? " with its tolerance band" : ""}, the actual values${hasForecast ? ", and the forecast to the target month with its 80 % range" : ""}${target !== null ? ", and the target" : ""}; a table with the numbers follows.`}
      />
      <HiddenDataTable
        caption={`Planned, actual and forecast values of ${title} by month${u}`}
        headers={[
          "Month",
          "Planned",
          "Tolerance low",
          "Tolerance high",
          "Actual",
          "Forecast",
          "Forecast low",
          "Forecast high",
        ]}
        rows={rows.map((r) => [
          formatPeriod(r.period),
          formatNumber(r.planned),
          formatNumber(r.low),
          formatNumber(r.high),
          formatNumber(r.actual),
          r.actual === null ? formatNumber(r.forecast) : "—",
          r.actual === null ? formatNumber(r.forecastLow) : "—",
          r.actual === null ? formatNumber(r.forecastHigh) : "—",
        ])}
      />
    </>
  );
}
