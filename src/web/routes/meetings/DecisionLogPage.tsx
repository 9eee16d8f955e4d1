import { Group, MultiSelect, Paper, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { DECISION_KINDS, type DecisionKind } from "../../../domain/meetings/meeting-rules.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { DECISION_KIND_OPTIONS } from "../../features/meetings/components/DecisionFormModal.js";
import { DecisionsTable } from "../../features/meetings/components/DecisionsTable.js";
import { useDecisionLog } from "../../features/meetings/decisions.js";
import { dateParam, listParam, useUrlFilters } from "../../features/meetings/use-url-filters.js";

type LogFilters = { q: string; kind: DecisionKind[]; from: string; to: string };

function parse(params: URLSearchParams): LogFilters {
  return {
    q: params.get("q") ?? "",
    kind: listParam<DecisionKind>(params.get("kind"), DECISION_KINDS),
    from: dateParam(params.get("from")),
    to: dateParam(params.get("to")),
  };
}

function serialize(f: LogFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.q) out.set("q", f.q);
  if (f.kind.length) out.set("kind", f.kind.join(","));
  if (f.from) out.set("from", f.from);
  if (f.to) out.set("to", f.to);
  return out;
}

/** Every decision of the organization: search words in titles and rationale, filter by kind and date. */
export default function DecisionLogPage() {
  const [filters, setFilters] = useUrlFilters(parse, serialize);
  const [search, setSearch] = useState(filters.q);
  const [debounced] = useDebouncedValue(search.trim(), 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search term updates the filters
  useEffect(() => {
    if (filters.q !== debounced) setFilters({ q: debounced });
  }, [debounced]);
  // The filters changed from outside (back/forward): show their term in the box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows filters.q only
  useEffect(() => {
    if (filters.q !== debounced) setSearch(filters.q);
  }, [filters.q]);

  const rangeError = filters.from && filters.to && filters.from > filters.to ? "is before “Decided from”" : undefined;
  const log = useDecisionLog({
    q: filters.q || undefined,
    kind: filters.kind,
    from: filters.from || undefined,
    to: rangeError ? undefined : filters.to || undefined,
  });
  const decisions = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Decision log"
        description="What was approved, deferred, rejected or changed, when, by whom and why."
      />
      <Group align="flex-start" gap="sm" mb="md" wrap="wrap">
        <TextInput
          label="Search"
          description="Words in the title or rationale"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: "100%", xs: 280 }}
        />
        <MultiSelect
          label="Kind"
          description="Any of these"
          placeholder={filters.kind.length ? undefined : "Any kind"}
          data={DECISION_KIND_OPTIONS}
          value={filters.kind}
          onChange={(v) => setFilters({ kind: v as DecisionKind[] })}
          clearable
          w={{ base: "100%", xs: 260 }}
        />
        <TextInput
          label="Decided from"
          description="On or after"
          type="date"
          value={filters.from}
          onChange={(e) => setFilters({ from: e.currentTarget.value })}
          w={{ base: "100%", xs: 170 }}
        />
        <TextInput
          label="Decided to"
          description="On or before"
          type="date"
          value={filters.to}
          onChange={(e) => setFilters({ to: e.currentTarget.value })}
          error={rangeError}
          w={{ base: "100%", xs: 170 }}
        />
      </Group>
      <Text size="sm" mb="xs" role="status" aria-live="polite">
        {log.isPending
          ? "\u00a0"
          : `${decisions.length}${log.hasNextPage ? "+" : ""} decision${decisions.length === 1 ? "" : "s"}`}
      </Text>
      <ErrorAlert error={log.error} title="The decision log could not be loaded" />
      {log.isPending ? (
        <PageLoader label="Loading decisions" />
      ) : decisions.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No decisions match these filters.</Text>
        </Paper>
      ) : (
        <DecisionsTable decisions={decisions} label="Decisions" />
      )}
      <LoadMore
        hasNextPage={log.hasNextPage}
        isFetchingNextPage={log.isFetchingNextPage}
        fetchNextPage={log.fetchNextPage}
      />
    </>
  );
}
