import { List, Text, VisuallyHidden } from "@mantine/core";
import type { AuditEvent } from "../api/types.js";
import { humanize } from "./format.js";

export type ChangeFormatter = {
  label: (field: string) => string;
  value: (field: string, value: unknown) => string;
};

const plainFormatter: ChangeFormatter = {
  label: (field) => humanize(field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()),
  value: (_field, v) =>
    v === null || v === undefined || v === "" ? "—" : typeof v === "string" ? v : JSON.stringify(v),
};

/**
 * The fields an audit event changed, each as "field: before → after". When nothing was there before
 * (a creation), only the value is shown.
 */
export function ChangeList({
  changes,
  format = plainFormatter,
}: {
  changes: AuditEvent["changes"];
  format?: ChangeFormatter;
}) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <Text size="sm">No field changes recorded</Text>;
  return (
    <List size="sm" spacing={2}>
      {entries.map(([field, { before, after }]) => {
        const isNew = before === undefined || before === null;
        return (
          <List.Item key={field}>
            <Text span fw={600} size="sm">
              {format.label(field)}
            </Text>
            :{" "}
            {isNew ? null : (
              <>
                <VisuallyHidden>from</VisuallyHidden>
                <Text span size="sm" td="line-through">
                  {format.value(field, before)}
                </Text>{" "}
                <span aria-hidden="true">→</span>
                <VisuallyHidden>to</VisuallyHidden>{" "}
              </>
            )}
            <Text span size="sm">
              {format.value(field, after)}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
