import { Badge } from "@mantine/core";
import { runStatusColor, runStatusLabel } from "../labels.js";

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={runStatusColor(status)} variant="light">
      {runStatusLabel(status)}
    </Badge>
  );
}

export function ScenarioStatusBadge({ status }: { status: "draft" | "committed" }) {
  return status === "committed" ? (
    <Badge color="green" variant="light">
      Committed
    </Badge>
  ) : (
    <Badge color="gray" variant="outline">
      Draft
    </Badge>
  );
}
