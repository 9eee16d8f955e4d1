import { Table, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

export type SortOrder = "asc" | "desc";

/**
 * A column header that sorts the table: a real button for the keyboard, and `aria-sort` on the
 * header cell so assistive technology announces the order.
 */
export function SortableTh<F extends string>({
  field,
  sort,
  order,
  onSort,
  children,
  align,
}: {
  field: F;
  sort: F;
  order: SortOrder;
  onSort: (field: F, order: SortOrder) => void;
  children: ReactNode;
  align?: "left" | "right";
}) {
  const active = sort === field;
  const ariaSort = active ? (order === "asc" ? "ascending" : "descending") : "none";
  const arrow = active ? (order === "asc" ? "▲" : "▼") : "↕";
  return (
    <Table.Th aria-sort={ariaSort} style={{ textAlign: align }}>
      <UnstyledButton
        onClick={() => onSort(field, active && order === "asc" ? "desc" : "asc")}
        fw={700}
        fz="sm"
        style={{ whiteSpace: "nowrap" }}
      >
        {children}{" "}
        <span aria-hidden="true" style={{ opacity: active ? 1 : 0.45 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
