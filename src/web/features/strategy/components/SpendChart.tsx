import { useMemo } from "react";
import type { StrategySpend } from "../types.js";
import { EChart } from "./EChart.js";

/** Per objective, its share of the strategy's weight next to its share of the linked spend. */
export default function SpendChart({ spend }: { spend: StrategySpend }) {
  const option = useMemo(() => {
    const labels = spend.objectives.map((o) => (o.flagged ? `${o.code} ⚑` : o.code));
    const pct = (x: number) => Math.round(x * 1000) / 10;
    return {
      color: ["#1864ab", "#e8590c"],
      grid: { left: 48, right: 16, top: 40, bottom: 48 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${String(v)} %` },
      xAxis: {
        type: "category",
        data: labels,
        axisLabel: { fontWeight: "bold", interval: 0 },
      },
      yAxis: { type: "value", axisLabel: { formatter: "{value} %" } },
      series: [
        {
          name: "Share of weight",
          type: "bar",
          data: spend.objectives.map((o) => pct(o.weightShare)),
          itemStyle: { borderColor: "#0b3d6b", borderWidth: 1 },
        },
        {
          name: "Share of spend",
          type: "bar",
          data: spend.objectives.map((o) => ({
            value: pct(o.spendShare),
            // Flagged objectives get a hatched look (a thick dark border) as well as the ⚑ mark.
            itemStyle: o.flagged ? { borderColor: "#212529", borderWidth: 3, borderType: "dashed" } : undefined,
          })),
        },
      ],
    };
  }, [spend]);
  return (
    <EChart
      option={option}
      height={300}
      label="Bar chart of each objective's share of weight and share of spend; the table below lists the numbers. Flagged objectives are marked ⚑."
    />
  );
}
