import { Badge } from "@mantine/core";
import type { ProjectStatus } from "../../domain/portfolio/project-rules.js";
import { humanize } from "./format.js";

const STATUS_COLOURS: Record<ProjectStatus, string> = {
  proposed: "gray",
  approved: "blue",
  active: "green",
  on_hold: "orange",
  closed: "dark",
  cancelled: "red",
};

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <Badge color={STATUS_COLOURS[status]} variant="outline">
      {humanize(status)}
    </Badge>
  );
}
