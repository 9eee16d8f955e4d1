import { useMemo } from "react";
import { formatMoney } from "../../../../components/format.js";
import { EChart } from "../../../strategy/components/EChart.js";
import { formatValue } from "../../labels.js";
import { compactMoney } from "./chart-support.js";

export type BubblePoint = {
  code: string;
  name: string;
  costCents: number;
  value: number;
  risk: number | null;
  selected: boolean;
};

const MIN_SIZE = 10;
const MAX_SIZE = 40;

/**
 * Every candidate as a bubble: cost in the horizon across, value up, size by risk (larger = riskier);
 * selected and not selected projects are two series with their own colour and shape.
 */
export default function ValueCostRiskChart({ points, currency }: { points: readonly BubblePoint[]; currency: string }) {
  const option = useMemo(() => {
    const risks = points.map((p) => p.risk).filter((r): r is number => r !== null);
    const lo = risks.length ? Math.min(...risks) : 0;
    const hi = risks.length ? Math.max(...risks) : 0;
    const size = (risk: number | null) =>
      risk === null
        ? MIN_SIZE
        : hi === lo
          ? (MIN_SIZE + MAX_SIZE) / 2
          : MIN_SIZE + ((risk - lo) / (hi - lo)) * (MAX_SIZE - MIN_SIZE);
    const series = (selected: boolean) => ({
      name: selected ? "Selected" : "Not selected",
      type: "scatter",
      symbol: selected ? "circle" : "diamond",
      data: points
        .filter((p) => p.selected === selected)
        .map((p) => ({
          value: [p.costCents, p.value, p.risk],
          name: `${p.code} · ${p.name}`,
          symbolSize: size(p.risk),
        })),
      itemStyle: selected
        ? { color: "#1864ab", opacity: 0.8, borderColor: "#0b3d6b", borderWidth: 1 }
        : { color: "#e8590c", opacity: 0.7, borderColor: "#7a2e06", borderWidth: 1 },
      label: {
        show: true,
        position: "top",
        formatter: (d: { name: string }) => d.name.split(" · ")[0],
        color: "#212529",
      },
    });
    return {
      grid: { left: 72, right: 32, top: 40, bottom: 48 },
      legend: { top: 0 },
      tooltip: {
        trigger: "item",
        formatter: (d: { name: string; value: [number, number, number | null]; seriesName: string }) =>
          `${d.name} (${d.seriesName.toLowerCase()})<br/>Cost ${formatMoney(d.value[0], currency)}<br/>Value ${formatValue(d.value[1])}<br/>Risk ${d.value[2] === null ? "not scored" : formatValue(d.value[2])}`,
      },
      xAxis: {
        type: "value",
        name: "Cost in the horizon",
        nameLocation: "middle",
        nameGap: 30,
        scale: true,
        boundaryGap: ["10%", "10%"],
        axisLabel: { formatter: compactMoney(currency) },
      },
      // Room around the extremes, so edge bubbles and their labels are not cut.
      yAxis: { type: "value", name: "Value", scale: true, boundaryGap: ["15%", "15%"] },
      series: [series(true), series(false)],
    };
  }, [points, currency]);
  return (
    <EChart
      option={option}
      height={340}
      label="Bubble chart of every candidate: cost in the horizon across, value up, bubble size by risk; selected projects are blue circles, the others orange diamonds. The selected and not selected tables list the same numbers."
    />
  );
}
