import { Group, MultiSelect, Select, Switch, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../../domain/portfolio/project-rules.js";
import { humanize } from "../../../components/format.js";
import { usePortfolios, usePrograms } from "../portfolios.js";
import type { ProjectFilters } from "../projects.js";
import { useCategories } from "../reference.js";

const STATUS_OPTIONS = PROJECT_STATUSES.map((s) => ({ value: s, label: humanize(s) }));

export function ProjectFiltersBar({
  filters,
  onChange,
}: {
  filters: ProjectFilters;
  onChange: (patch: Partial<ProjectFilters>) => void;
}) {
  const categories = useCategories();
  const portfolios = usePortfolios("include");
  const programs = usePrograms(filters.portfolioId, "include");
  const [search, setSearch] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(search, 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search term updates the filters
  useEffect(() => {
    if ((filters.q ?? "") !== debounced.trim()) onChange({ q: debounced.trim() || undefined });
  }, [debounced]);

  // The filters changed from outside (a link to the plain list): show their term in the box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows filters.q only
  useEffect(() => {
    if ((filters.q ?? "") !== debounced.trim()) setSearch(filters.q ?? "");
  }, [filters.q]);

  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Code, name or description"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={{ base: "100%", xs: 240 }}
      />
      <MultiSelect
        label="Status"
        placeholder={filters.status?.length ? undefined : "Any status"}
        data={STATUS_OPTIONS}
        value={filters.status ?? []}
        onChange={(value) => onChange({ status: value as ProjectStatus[] })}
        clearable
        w={{ base: "100%", xs: 240 }}
      />
      <MultiSelect
        label="Category"
        placeholder={filters.category?.length ? undefined : "Any category"}
        data={(categories.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
        value={filters.category ?? []}
        onChange={(value) => onChange({ category: value })}
        clearable
        w={{ base: "100%", xs: 220 }}
      />
      <Select
        label="Portfolio"
        placeholder="Any portfolio"
        data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={filters.portfolioId ?? null}
        onChange={(value) => onChange({ portfolioId: value ?? undefined, programId: undefined })}
        clearable
        searchable
        w={{ base: "100%", xs: 220 }}
      />
      {filters.portfolioId ? (
        <Select
          label="Program"
          placeholder="Any program"
          data={(programs.data?.items ?? [])
            .filter((p) => p.portfolioId === filters.portfolioId)
            .map((p) => ({ value: p.id, label: p.name }))}
          value={filters.programId ?? null}
          onChange={(value) => onChange({ programId: value ?? undefined })}
          clearable
          searchable
          w={{ base: "100%", xs: 200 }}
        />
      ) : null}
      <Switch
        label="Show archived"
        checked={filters.archived !== "exclude"}
        onChange={(e) => onChange({ archived: e.currentTarget.checked ? "include" : "exclude" })}
        mb={8}
      />
    </Group>
  );
}
