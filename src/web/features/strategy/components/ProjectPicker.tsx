import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useProjectSearch } from "../strategy-api.js";

/** A searchable project select that asks the server as the person types (code or name). */
export function ProjectPicker({
  value,
  onChange,
  error,
  initialLabel,
  required,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  /** The label of the project already chosen (it may not be among the first search results). */
  initialLabel?: string | null;
  required?: boolean;
}) {
  const [search, setSearch] = useState("");
  const [chosenLabel, setChosenLabel] = useState(initialLabel ?? null);
  const [debounced] = useDebouncedValue(search === chosenLabel ? "" : search, 250);
  const projects = useProjectSearch(debounced.trim());
  const data = (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));
  if (value && chosenLabel && !data.some((d) => d.value === value)) data.unshift({ value, label: chosenLabel });

  return (
    <Select
      label="Project"
      description="Type a code or a name to search"
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={projects.isFetching ? "Searching…" : "No matching project"}
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosenLabel(option?.label ?? null);
        onChange(id);
      }}
      error={error}
    />
  );
}
