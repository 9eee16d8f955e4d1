import { Anchor, Button, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDate } from "../../../components/format.js";
import { excerpt } from "../meeting-format.js";
import type { Decision } from "../meeting-types.js";
import { DecisionKindBadge } from "./MeetingBadges.js";
import { ReferenceLink } from "./ReferenceLink.js";

function decidedBy(d: Decision): string {
  return d.decidedBy.length ? d.decidedBy.map((p) => p.name).join(", ") : "Not recorded";
}

/**
 * Decisions as a table: the decision log, a project's decisions and a meeting's own. Columns are
 * chosen by the caller; the kind is a badge with its name. (A header cell holding a visually hidden
 * label is positioned, so the label stays inside the scrolling table instead of widening the page.)
 */
export function DecisionsTable({
  decisions,
  label,
  rationale = "excerpt",
  showReference = true,
  showMeeting = true,
  showDecidedBy = true,
  onEdit,
}: {
  decisions: readonly Decision[];
  label: string;
  rationale?: "full" | "excerpt" | "none";
  showReference?: boolean;
  showMeeting?: boolean;
  showDecidedBy?: boolean;
  onEdit?: (d: Decision) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={showMeeting && showReference ? 1000 : 720} type="native">
      <Table striped verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: "nowrap" }}>Decided on</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Decision</Table.Th>
            {showReference ? <Table.Th>About</Table.Th> : null}
            {showMeeting ? <Table.Th>Meeting</Table.Th> : null}
            {showDecidedBy ? <Table.Th>Decided by</Table.Th> : null}
            {onEdit ? (
              <Table.Th style={{ position: "relative" }}>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.map((d) => (
            <Table.Tr key={d.id} style={{ verticalAlign: "top" }}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <time dateTime={d.decidedOn}>{formatDate(d.decidedOn)}</time>
              </Table.Td>
              <Table.Td>
                <DecisionKindBadge kind={d.kind} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {d.title}
                </Text>
                {rationale !== "none" && d.rationale ? (
                  <Text size="sm" style={rationale === "full" ? { whiteSpace: "pre-wrap" } : undefined}>
                    {rationale === "full" ? d.rationale : excerpt(d.rationale)}
                  </Text>
                ) : null}
              </Table.Td>
              {showReference ? (
                <Table.Td>
                  <ReferenceLink refType={d.refType} refId={d.refId} refLabel={d.refLabel} />
                </Table.Td>
              ) : null}
              {showMeeting ? (
                <Table.Td>
                  {d.meetingId ? (
                    <Anchor component={Link} to={`/meetings/${d.meetingId}`} size="sm">
                      {d.meetingTitle ?? "Meeting"}
                    </Anchor>
                  ) : (
                    <Text size="sm">Outside a meeting</Text>
                  )}
                </Table.Td>
              ) : null}
              {showDecidedBy ? (
                <Table.Td>
                  <Text size="sm">{decidedBy(d)}</Text>
                </Table.Td>
              ) : null}
              {onEdit ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Edit decision "${d.title}"`}
                    onClick={() => onEdit(d)}
                  >
                    Edit
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
