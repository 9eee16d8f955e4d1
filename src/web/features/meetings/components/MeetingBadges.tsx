import { Badge } from "@mantine/core";
import {
  ACTION_STATUS_LABELS,
  type ActionStatus,
  DECISION_KIND_LABELS,
  type DecisionKind,
  MEETING_STATUS_LABELS,
  type MeetingStatus,
} from "../../../../domain/meetings/meeting-rules.js";

/** Badges always carry their meaning in words; the colour only repeats it. */

const MEETING_STATUS_COLOURS: Record<MeetingStatus, string> = { planned: "blue", held: "green", cancelled: "gray" };

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return (
    <Badge color={MEETING_STATUS_COLOURS[status]} variant="outline">
      {MEETING_STATUS_LABELS[status]}
    </Badge>
  );
}

const DECISION_KIND_COLOURS: Record<DecisionKind, string> = {
  approve: "green",
  defer: "orange",
  reject: "red",
  reprioritize: "violet",
  change_request: "blue",
};

export function DecisionKindBadge({ kind }: { kind: DecisionKind }) {
  return (
    <Badge color={DECISION_KIND_COLOURS[kind]} variant="light">
      {DECISION_KIND_LABELS[kind]}
    </Badge>
  );
}

const ACTION_STATUS_COLOURS: Record<ActionStatus, string> = { open: "blue", done: "green", cancelled: "gray" };

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return (
    <Badge color={ACTION_STATUS_COLOURS[status]} variant="outline">
      {ACTION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function OverdueBadge() {
  return (
    <Badge color="red" variant="light">
      Overdue
    </Badge>
  );
}
