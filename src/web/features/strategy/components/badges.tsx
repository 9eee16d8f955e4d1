import { Badge } from "@mantine/core";
import { humanize } from "../../../components/format.js";
import { GOAL_STATUS_COLORS, OBJECTIVE_STATUS_COLORS, TRACKING, VERDICTS, type Verdict } from "../labels.js";
import type { GoalStatus, ObjectiveStatus } from "../types.js";

/** A SMART verdict as symbol, word and colour. `prefix` names what is judged ("S: Specific"). */
export function VerdictBadge({ verdict, prefix }: { verdict: Verdict; prefix?: string }) {
  const v = VERDICTS[verdict];
  return (
    <Badge color={v.color} variant="light" leftSection={<span aria-hidden="true">{v.symbol}</span>}>
      {prefix ? `${prefix}: ` : ""}
      {v.label}
    </Badge>
  );
}

export function TrackingBadge({ status }: { status: string }) {
  const t = TRACKING[status] ?? { label: humanize(status), color: "gray" };
  return (
    <Badge color={t.color} variant="outline">
      {t.label}
    </Badge>
  );
}

export function ObjectiveStatusBadge({ status }: { status: ObjectiveStatus }) {
  return (
    <Badge color={OBJECTIVE_STATUS_COLORS[status]} variant="outline">
      {humanize(status)}
    </Badge>
  );
}

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return (
    <Badge color={GOAL_STATUS_COLORS[status]} variant="outline">
      {humanize(status)}
    </Badge>
  );
}
