import { useMemo } from "react";
import { formatHours, formatPeriod } from "../../../../components/format.js";
import { EChart } from "../../../strategy/components/EChart.js";
import { CAPACITY_UNIT_LABELS } from "../../labels.js";
import type { Usage } from "../../types.js";
import { HiddenDataTable, LIMIT_COLOR } from "./chart-support.js";

type RoleUsage = Usage["capacity"][number];

/** One role's demand per month from the chosen portfolio, against its capacity. */
export default function CapacityUseChart({
  role,
  months,
  unit,
}: {
  role: RoleUsage;
  months: readonly string[];
  unit: Usage["capacityUnit"];
}) {
  const unitLabel = CAPACITY_UNIT_LABELS[unit].toLowerCase();
  const hasLimit = role.limit.some((v) => v !== null);
  const option = useMemo(
    () => ({
      color: ["#0b7285"],
      grid: { left: 64, right: 24, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? formatHours(v) : "—") },
      xAxis: { type: "category", data: months.map(formatPeriod) },
      yAxis: { type: "value", name: unitLabel },
      series: [
        { name: `Demand (${unitLabel})`, type: "bar", data: role.demand },
        ...(hasLimit
          ? [
              {
                name: "Capacity",
                type: "line",
                step: "middle",
                data: role.limit,
                symbol: "none",
                connectNulls: false,
                lineStyle: { color: LIMIT_COLOR, width: 2, type: "dashed" },
                itemStyle: { color: LIMIT_COLOR },
              },
            ]
          : []),
      ],
    }),
    [role, months, unitLabel, hasLimit],
  );
  return (
    <>
      <EChart
        option={option}
        height={260}
        label={`Bar chart of ${role.roleName} demand per month in ${unitLabel}${hasLimit ? ", with the capacity as a dashed line" : ""}; a table with the numbers follows.`}
      />
      <HiddenDataTable
        caption={`Capacity use of ${role.roleName} (${unitLabel})`}
        headers={["Month", "Demand", "Capacity"]}
        rows={months.map((m, i) => [
          formatPeriod(m),
          formatHours(role.demand[i] ?? 0),
          role.limit[i] === null || role.limit[i] === undefined ? "no limit" : formatHours(role.limit[i] as number),
        ])}
      />
    </>
  );
}
