import { useMemo } from "react";
import { formatMoney } from "../../../../components/format.js";
import { compactMoney } from "../../../selection/components/charts/chart-support.js";
import { EChart } from "../../../strategy/components/EChart.js";
import type { Rollup } from "../../types.js";
import { BURN_UP_COLORS } from "./BurnUpChart.js";

const GROUP_WORDS = { objective: "objective", portfolio: "portfolio", quarter: "quarter" } as const;

/**
 * Planned against realized money to date per objective, portfolio or quarter, as horizontal bars
 * (labels stay readable); the visible table beside it holds the same numbers.
 */
export default function RollupChart({ rollup, currency }: { rollup: Rollup; currency: string }) {
  const rows = rollup.rows;
  const option = useMemo(() => {
    const axisMoney = compactMoney(currency);
    const labels = rows.map((r) => (r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label));
    return {
      grid: { left: 16, right: 32, top: 36, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: unknown) => (typeof v === "number" ? formatMoney(v, currency) : "—"),
      },
      xAxis: { type: "value", axisLabel: { formatter: axisMoney } },
      yAxis: { type: "category", data: labels, inverse: true },
      series: [
        {
          name: "Planned to date",
          type: "bar",
          data: rows.map((r) => r.plannedCents),
          itemStyle: { color: BURN_UP_COLORS.planned },
          barMaxWidth: 22,
        },
        {
          name: "Realized to date",
          type: "bar",
          data: rows.map((r) => r.realizedCents),
          itemStyle: { color: BURN_UP_COLORS.actual },
          barMaxWidth: 22,
        },
        {
          name: "Still to come at risk",
          type: "bar",
          data: rows.map((r) => r.atRiskCents),
          itemStyle: { color: "#e8590c" },
          barMaxWidth: 22,
        },
      ],
    };
  }, [rows, currency]);
  return (
    <EChart
      option={option}
      height={Math.max(220, rows.length * 64 + 80)}
      label={`Bar chart of planned against realized benefits money to date by ${GROUP_WORDS[rollup.by]}, with the planned money still to come of benefits at risk or off track; the table below holds the numbers.`}
    />
  );
}
