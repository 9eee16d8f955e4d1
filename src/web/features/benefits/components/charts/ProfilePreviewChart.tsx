import { useMemo } from "react";
import { formatPeriod } from "../../../../components/format.js";
import { HiddenDataTable } from "../../../selection/components/charts/chart-support.js";
import { EChart } from "../../../strategy/components/EChart.js";
import { formatNumber } from "../../labels.js";
import { BURN_UP_COLORS } from "./BurnUpChart.js";

/** The realization profile a draft benefit would get, month by month. */
export default function ProfilePreviewChart({
  points,
  unit,
}: {
  points: readonly { period: string; planned: number }[];
  unit: string;
}) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (typeof v === "number" ? `${formatNumber(v)}${unit ? ` ${unit}` : ""}` : "—"),
      },
      xAxis: { type: "category", data: points.map((p) => formatPeriod(p.period)), boundaryGap: false },
      yAxis: { type: "value", scale: true, name: unit || undefined },
      series: [
        {
          name: "Planned",
          type: "line",
          step: false,
          data: points.map((p) => p.planned),
          symbol: "circle",
          symbolSize: 5,
          lineStyle: { color: BURN_UP_COLORS.planned, width: 2 },
          itemStyle: { color: BURN_UP_COLORS.planned },
        },
      ],
    }),
    [points, unit],
  );
  return (
    <>
      <EChart
        option={option}
        height={200}
        label={`Line chart of the planned profile, ${points.length} months from ${formatPeriod(points[0]?.period ?? "")} to ${formatPeriod(points.at(-1)?.period ?? "")}; a table with the numbers follows.`}
      />
      <HiddenDataTable
        caption="Planned profile by month"
        headers={["Month", `Planned${unit ? ` (${unit})` : ""}`]}
        rows={points.map((p) => [formatPeriod(p.period), formatNumber(p.planned)])}
      />
    </>
  );
}
