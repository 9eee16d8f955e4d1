import { Badge } from "@mantine/core";
import { humanize } from "../../../components/format.js";
import {
  ACTION_STATUS_COLORS,
  ACTION_STATUS_LABELS,
  BENEFIT_STATUS_COLORS,
  BENEFIT_STATUS_LABELS,
  PIR_STATUS_COLORS,
  PIR_STATUS_LABELS,
  SEVERITY,
  TRACKING_STATUS,
} from "../labels.js";
import type { ActionStatus, BenefitStatus, PirStatus, TrackingStatus } from "../types.js";

/** The computed tracking status: symbol, word and colour. */
export function TrackingStatusBadge({ status }: { status: TrackingStatus }) {
  const t = TRACKING_STATUS[status] ?? { label: humanize(status), symbol: "", color: "gray" };
  return (
    <Badge
      color={t.color}
      variant="light"
      leftSection={<span aria-hidden="true">{t.symbol}</span>}
      data-testid="tracking-status"
    >
      {t.label}
    </Badge>
  );
}

/** The benefit's own life-cycle status (identified … realized), set by people. */
export function BenefitStatusBadge({ status }: { status: BenefitStatus }) {
  return (
    <Badge color={BENEFIT_STATUS_COLORS[status] ?? "gray"} variant="outline">
      {BENEFIT_STATUS_LABELS[status] ?? humanize(status)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: "info" | "warning" | "critical" }) {
  const s = SEVERITY[severity];
  return (
    <Badge color={s.color} variant="light" leftSection={<span aria-hidden="true">{s.symbol}</span>}>
      {s.label}
    </Badge>
  );
}

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return (
    <Badge color={ACTION_STATUS_COLORS[status]} variant="outline">
      {ACTION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function PirStatusBadge({ status }: { status: PirStatus }) {
  return (
    <Badge color={PIR_STATUS_COLORS[status]} variant="outline">
      {PIR_STATUS_LABELS[status]}
    </Badge>
  );
}

export function OverdueBadge({ label = "Overdue" }: { label?: string }) {
  return (
    <Badge color="red" variant="light">
      {label}
    </Badge>
  );
}
