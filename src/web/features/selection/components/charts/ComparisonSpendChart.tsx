import { useMemo } from "react";
import { formatMoney, formatPeriod } from "../../../../components/format.js";
import { CHART_COLORS } from "../../../strategy/components/chart-colors.js";
import { EChart } from "../../../strategy/components/EChart.js";
import type { ComparedScenario } from "../../types.js";
import { compactMoney, HiddenDataTable } from "./chart-support.js";

/** Spend per month of each compared scenario's portfolio (solid) and its budget limit (dashed, same colour). */
export default function ComparisonSpendChart({
  scenarios,
  currency,
}: {
  scenarios: readonly ComparedScenario[];
  currency: string;
}) {
  const months = useMemo(
    () => [...new Set(scenarios.flatMap((s) => s.months))].sort((a, b) => a.localeCompare(b)),
    [scenarios],
  );
  const option = useMemo(() => {
    const at = (s: ComparedScenario, series: readonly (number | null)[]) =>
      months.map((m) => {
        const i = s.months.indexOf(m);
        return i < 0 ? null : (series[i] ?? null);
      });
    return {
      color: CHART_COLORS,
      grid: { left: 72, right: 24, top: 56, bottom: 40 },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (typeof v === "number" ? formatMoney(v, currency) : "—"),
      },
      xAxis: { type: "category", data: months.map(formatPeriod) },
      yAxis: { type: "value", axisLabel: { formatter: compactMoney(currency) } },
      series: scenarios.flatMap((s, k) => {
        const color = CHART_COLORS[k % CHART_COLORS.length];
        const hasLimit = s.budgetLimitCents.some((v) => v !== null);
        return [
          {
            name: `${s.name}: spend`,
            type: "line",
            data: at(s, s.spendCents),
            symbol: ["circle", "rect", "triangle", "diamond"][k % 4],
            symbolSize: 7,
            lineStyle: { width: 3, color },
            itemStyle: { color },
          },
          ...(hasLimit
            ? [
                {
                  name: `${s.name}: budget limit`,
                  type: "line",
                  step: "middle",
                  data: at(s, s.budgetLimitCents),
                  symbol: "none",
                  connectNulls: false,
                  lineStyle: { width: 2, type: "dashed", color },
                  itemStyle: { color },
                },
              ]
            : []),
        ];
      }),
    };
  }, [scenarios, months, currency]);
  const money = (c: number | null | undefined) => (c === null || c === undefined ? "—" : formatMoney(c, currency));
  return (
    <>
      <EChart
        option={option}
        height={320}
        label={`Line chart of the spend per month of ${scenarios.map((s) => s.name).join(", ")}, each with its budget limit as a dashed line in the same colour; a table with the numbers follows.`}
      />
      <HiddenDataTable
        caption="Spend by month per scenario"
        headers={["Month", ...scenarios.flatMap((s) => [`${s.name} spend`, `${s.name} budget limit`])]}
        rows={months.map((m) => [
          formatPeriod(m),
          ...scenarios.flatMap((s) => {
            const i = s.months.indexOf(m);
            return [
              money(i < 0 ? null : s.spendCents[i]),
              i < 0 ? "—" : s.budgetLimitCents[i] === null ? "no limit" : money(s.budgetLimitCents[i]),
            ];
          }),
        ])}
      />
    </>
  );
}
