import { useMemo } from "react";
import { formatMoney, formatPeriod } from "../../../../components/format.js";
import { CHART_COLORS } from "../../../strategy/components/chart-colors.js";
import { EChart } from "../../../strategy/components/EChart.js";
import type { Usage } from "../../types.js";
import { compactMoney, HiddenDataTable, LIMIT_COLOR } from "./chart-support.js";

/** Spend per month of the chosen portfolio, stacked by category, against the monthly budget. */
export default function BudgetUseChart({
  usage,
  currency,
  categoryName,
}: {
  usage: Usage;
  currency: string;
  categoryName: (key: string) => string;
}) {
  const categories = useMemo(() => Object.keys(usage.spendByCategoryCents), [usage]);
  const hasLimit = usage.budgetLimitCents.some((v) => v !== null);
  const option = useMemo(() => {
    const axisMoney = compactMoney(currency);
    return {
      color: CHART_COLORS,
      grid: { left: 72, right: 24, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (typeof v === "number" ? formatMoney(v, currency) : "—"),
      },
      xAxis: { type: "category", data: usage.months.map(formatPeriod) },
      yAxis: { type: "value", axisLabel: { formatter: axisMoney } },
      series: [
        ...categories.map((key) => ({
          name: categoryName(key),
          type: "bar",
          stack: "spend",
          data: usage.spendByCategoryCents[key],
        })),
        ...(hasLimit
          ? [
              {
                name: "Budget limit",
                type: "line",
                step: "middle",
                data: usage.budgetLimitCents,
                connectNulls: false,
                symbol: "none",
                lineStyle: { color: LIMIT_COLOR, width: 2, type: "dashed" },
                itemStyle: { color: LIMIT_COLOR },
              },
            ]
          : []),
      ],
    };
  }, [usage, currency, categories, categoryName, hasLimit]);
  const money = (c: number | null | undefined) =>
    c === null || c === undefined ? "no limit" : formatMoney(c, currency);
  return (
    <>
      <EChart
        option={option}
        height={300}
        label={`Stacked bar chart of the selected portfolio's spend per month by category${hasLimit ? ", with the monthly budget limit as a dashed line" : ""}; a table with the numbers follows.`}
      />
      <HiddenDataTable
        caption="Budget use by month"
        headers={["Month", ...categories.map(categoryName), "Total spend", "Budget limit"]}
        rows={usage.months.map((m, i) => [
          formatPeriod(m),
          ...categories.map((k) => money(usage.spendByCategoryCents[k]?.[i] ?? 0)),
          money(usage.spendCents[i] ?? 0),
          money(usage.budgetLimitCents[i]),
        ])}
      />
    </>
  );
}
