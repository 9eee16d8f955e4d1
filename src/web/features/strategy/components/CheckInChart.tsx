import { useMemo } from "react";
import type { CheckIn, Goal } from "../types.js";
import { CHART_COLORS } from "./chart-colors.js";
import { EChart } from "./EChart.js";

/** The goal's expected path (baseline → milestones → target) as [date, value] points. */
export function expectedPath(goal: Goal): [string, number][] {
  if (goal.baselineValue === null || goal.targetValue === null || !goal.baselineDate || !goal.targetDate) return [];
  if (goal.direction === "maintain") {
    return [
      [goal.baselineDate, goal.targetValue],
      [goal.targetDate, goal.targetValue],
    ];
  }
  const milestones = goal.milestones
    .filter((m) => m.date > (goal.baselineDate ?? "") && m.date < (goal.targetDate ?? ""))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((m): [string, number] => [m.date, m.value]);
  return [[goal.baselineDate, goal.baselineValue], ...milestones, [goal.targetDate, goal.targetValue]];
}

/** Recorded values (solid line with points) against the expected path (dashed line), over time. */
export default function CheckInChart({ goal, checkIns }: { goal: Goal; checkIns: readonly CheckIn[] }) {
  const option = useMemo(() => {
    // One value per date: the check-in recorded last counts.
    const byDate = new Map<string, number>();
    for (const c of [...checkIns].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) byDate.set(c.date, c.value);
    const recorded = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b));
    const unit = goal.unit ? ` ${goal.unit}` : "";
    return {
      color: CHART_COLORS,
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "time" },
      yAxis: { type: "value", scale: true, name: goal.unit || undefined },
      series: [
        {
          name: "Expected path",
          type: "line",
          data: expectedPath(goal),
          lineStyle: { type: "dashed", width: 2 },
          symbol: "diamond",
          symbolSize: 8,
          tooltip: { valueFormatter: (v: unknown) => `${String(v)}${unit}` },
        },
        {
          name: "Recorded value",
          type: "line",
          data: recorded,
          lineStyle: { width: 3 },
          symbol: "circle",
          symbolSize: 9,
          tooltip: { valueFormatter: (v: unknown) => `${String(v)}${unit}` },
        },
      ],
    };
  }, [goal, checkIns]);
  return (
    <EChart
      option={option}
      height={280}
      label={`Chart of recorded values of ${goal.metricName || goal.title} against the expected path; the check-ins table below lists the values.`}
    />
  );
}
