import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";
import type { RefType } from "../../../../domain/meetings/meeting-rules.js";
import { REF_TYPE_LABELS, referencePath } from "../references.js";

/** What an agenda item or decision is about, as a link where the record has a page; "—" for nothing. */
export function ReferenceLink({
  refType,
  refId,
  refLabel,
  size = "sm",
}: {
  refType: RefType | null;
  refId: string | null;
  refLabel: string | null;
  size?: "xs" | "sm" | "md";
}) {
  if (!refType || !refId)
    return (
      <Text span size={size}>
        —
      </Text>
    );
  const label = refLabel ?? `${REF_TYPE_LABELS[refType]} (no longer available)`;
  const path = referencePath(refType, refId);
  return path ? (
    <Anchor component={Link} to={path} size={size}>
      {label}
    </Anchor>
  ) : (
    <Text span size={size}>
      {label}
    </Text>
  );
}
