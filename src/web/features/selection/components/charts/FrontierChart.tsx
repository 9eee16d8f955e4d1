import { useMemo } from "react";
import { EChart } from "../../../strategy/components/EChart.js";
import { formatValue } from "../../labels.js";
import type { FrontierPoint } from "../../types.js";

/**
 * The efficient frontier: the best portfolio value at budgets from below to above the scenario's,
 * with today's budget (100 %) marked.
 */
export default function FrontierChart({ points }: { points: readonly FrontierPoint[] }) {
  const option = useMemo(() => {
    const data = [...points]
      .sort((a, b) => a.budgetPct - b.budgetPct)
      .map((p) => [p.budgetPct, p.value, p.projectCount] as [number, number | null, number]);
    return {
      color: ["#1864ab"],
      grid: { left: 64, right: 32, top: 32, bottom: 48 },
      tooltip: {
        trigger: "axis",
        formatter: (params: { data: [number, number | null, number] }[]) => {
          const d = params[0]?.data;
          if (!d) return "";
          return `${d[0]} % of the budget<br/>Value ${formatValue(d[1])}<br/>${d[2]} projects`;
        },
      },
      xAxis: {
        type: "value",
        name: "Budget (% of the scenario's)",
        nameLocation: "middle",
        nameGap: 30,
        min: (v: { min: number }) => Math.floor(v.min / 10) * 10,
        max: (v: { max: number }) => Math.ceil(v.max / 10) * 10,
        axisLabel: { formatter: "{value} %" },
      },
      yAxis: { type: "value", name: "Value", scale: true },
      series: [
        {
          name: "Best value",
          type: "line",
          data,
          symbol: "circle",
          symbolSize: 8,
          lineStyle: { width: 3 },
          connectNulls: false,
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: "#c2255c", type: "dashed", width: 2 },
            label: { formatter: "Current budget", color: "#212529" },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    };
  }, [points]);
  return (
    <EChart
      option={option}
      height={280}
      label="Line chart of the efficient frontier: the best portfolio value for budgets from below to above the scenario's, with the current budget marked at 100 %; the table beside it lists the points."
    />
  );
}
