import { Select, SimpleGrid } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { REF_TYPES, type RefType } from "../../../../domain/meetings/meeting-rules.js";
import { useCan } from "../../identity/session.js";
import {
  REF_TYPE_LABELS,
  type Reference,
  type ReferenceOption,
  useGoalOptions,
  useObjectiveOptions,
  useProjectOptions,
} from "../references.js";

const NONE = "none";

/**
 * Chooses what an agenda item or decision is about: a kind (nothing, project, goal, objective) and
 * the record, found by typing. Projects are searched on the server (`/projects?q=`); goals and
 * objectives are few and filtered here.
 */
export function ReferencePicker({
  value,
  onChange,
  error,
  typeLabel = "About",
}: {
  value: Reference | null;
  onChange: (value: Reference | null) => void;
  error?: string;
  typeLabel?: string;
}) {
  const mayReadStrategy = useCan("strategy.read");
  const refType = value?.refType ?? null;
  const [search, setSearch] = useState(value?.refLabel ?? "");
  const [debounced] = useDebouncedValue(search, 250);
  // Once a project is chosen the box shows its label; that is not a search term.
  const term = value && debounced === value.refLabel ? "" : debounced.trim();
  const projects = useProjectOptions(term, refType === "project");
  const goals = useGoalOptions(refType === "goal");
  const objectives = useObjectiveOptions(refType === "objective");

  const typeOptions = [
    { value: NONE, label: "Nothing in particular" },
    ...REF_TYPES.filter((t) => t === "project" || (t !== "scenario" && mayReadStrategy)).map((t) => ({
      value: t,
      label: REF_TYPE_LABELS[t],
    })),
  ];
  const loaded: ReferenceOption[] =
    (refType === "project" ? projects.data : refType === "goal" ? goals.data : objectives.data) ?? [];
  // The chosen record stays among the options, so its label shows even when a search leaves it out.
  const options =
    value?.refId && !loaded.some((o) => o.value === value.refId)
      ? [{ value: value.refId, label: value.refLabel ?? value.refId }, ...loaded]
      : loaded;
  const isLoading =
    (refType === "project" && projects.isFetching) ||
    (refType === "goal" && goals.isPending) ||
    (refType === "objective" && objectives.isPending);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={typeLabel}
        data={typeOptions}
        value={refType ?? NONE}
        allowDeselect={false}
        onChange={(v) => {
          setSearch("");
          onChange(!v || v === NONE ? null : { refType: v as RefType, refId: "", refLabel: null });
        }}
        comboboxProps={{ withinPortal: true }}
      />
      {refType ? (
        <Select
          label={REF_TYPE_LABELS[refType]}
          placeholder={refType === "project" ? "Type a code or name" : "Type to filter"}
          required
          searchable
          data={options}
          value={value?.refId || null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(id, option) =>
            onChange(
              id ? { refType, refId: id, refLabel: option?.label ?? null } : { refType, refId: "", refLabel: null },
            )
          }
          // Projects come back already matched by the server.
          filter={refType === "project" ? ({ options: o }) => o : undefined}
          nothingFoundMessage={isLoading ? "Searching…" : "Nothing found"}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
    </SimpleGrid>
  );
}

/** The API's refType/refId pair for a picker value; an unfinished choice counts as none. */
export function toRefFields(value: Reference | null): { refType: RefType | null; refId: string | null } {
  return value?.refId ? { refType: value.refType, refId: value.refId } : { refType: null, refId: null };
}
