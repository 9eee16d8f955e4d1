import { Anchor, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatPeriod } from "../../components/format.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import {
  type BenefitFilters,
  useBenefitCategories,
  useBenefitList,
  useProjectOptions,
} from "../../features/benefits/benefits-api.js";
import { BenefitStatusBadge, OverdueBadge, TrackingStatusBadge } from "../../features/benefits/components/badges.js";
import {
  BENEFIT_STATUS_LABELS,
  BENEFIT_TYPE_LABELS,
  formatNumber,
  formatPct,
  TRACKING_STATUS,
} from "../../features/benefits/labels.js";
import type { BenefitSummary } from "../../features/benefits/types.js";
import { useCan } from "../../features/identity/session.js";
import { toUserOptions, useUsers } from "../../features/identity/users.js";
import { listParam, useUrlFilters } from "../../features/meetings/use-url-filters.js";
import { usePortfolios } from "../../features/portfolio/portfolios.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";
import { useObjectives } from "../../features/strategy/strategy-api.js";

const STATUS_KEYS = Object.keys(BENEFIT_STATUS_LABELS) as (keyof typeof BENEFIT_STATUS_LABELS)[];
const TRACKING_KEYS = Object.keys(TRACKING_STATUS) as (keyof typeof TRACKING_STATUS)[];
const TYPE_KEYS = Object.keys(BENEFIT_TYPE_LABELS) as (keyof typeof BENEFIT_TYPE_LABELS)[];
const SINGLE = ["category", "ownerId", "projectId", "objectiveId", "portfolioId"] as const;

function parse(params: URLSearchParams): BenefitFilters {
  const f: BenefitFilters = {
    q: params.get("q") ?? undefined,
    status: listParam(params.get("status"), STATUS_KEYS),
    trackingStatus: listParam(params.get("trackingStatus"), TRACKING_KEYS),
    type: listParam(params.get("type"), TYPE_KEYS),
  };
  for (const key of SINGLE) f[key] = params.get(key) ?? undefined;
  return f;
}

function serialize(f: BenefitFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) {
    if (Array.isArray(value)) {
      if (value.length > 0) p.set(key, value.join(","));
    } else if (typeof value === "string" && value !== "") p.set(key, value);
  }
  return p;
}

const ownerOf = (b: BenefitSummary) => b.accountableOwner ?? b.responsibleOwner ?? b.operationalOwner;

/** The benefits register: every benefit with its KPI, target, latest value and tracking status. */
export default function BenefitsPage() {
  const [filters, update] = useUrlFilters(parse, serialize);
  const list = useBenefitList(filters);
  const categories = useBenefitCategories();
  const users = useUsers();
  const projects = useProjectOptions();
  const objectives = useObjectives();
  const portfolios = usePortfolios("include");
  const mayWrite = useCan("benefit.write");
  const mayMeasure = useCan("benefit.measure");
  const [search, setSearch] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(search, 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search term updates the filters
  useEffect(() => {
    if ((filters.q ?? "") !== debounced.trim()) update({ q: debounced.trim() || undefined });
  }, [debounced]);

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));

  return (
    <>
      <PageHeader
        title="Benefits register"
        description="Every benefit with its measure, baseline, target and how its realization tracks against the profile."
        actions={
          <>
            {mayMeasure ? (
              <Button component={Link} to="/benefits/import" variant="default">
                Import measurements
              </Button>
            ) : null}
            {mayWrite ? (
              <Button component={Link} to="/benefits/new">
                New benefit
              </Button>
            ) : null}
          </>
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="search" aria-label="Filter benefits">
        <TextInput
          label="Search"
          placeholder="Code, title or KPI"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: "100%", xs: 220 }}
        />
        <MultiSelect
          label="Tracking status"
          placeholder={filters.trackingStatus?.length ? undefined : "Any"}
          data={TRACKING_KEYS.map((k) => ({ value: k, label: TRACKING_STATUS[k].label }))}
          value={filters.trackingStatus ?? []}
          onChange={(v) => update({ trackingStatus: v })}
          clearable
          w={{ base: "100%", xs: 220 }}
        />
        <MultiSelect
          label="Status"
          placeholder={filters.status?.length ? undefined : "Any"}
          data={STATUS_KEYS.map((k) => ({ value: k, label: BENEFIT_STATUS_LABELS[k] }))}
          value={filters.status ?? []}
          onChange={(v) => update({ status: v })}
          clearable
          w={{ base: "100%", xs: 200 }}
        />
        <MultiSelect
          label="Type"
          placeholder={filters.type?.length ? undefined : "Any"}
          data={TYPE_KEYS.map((k) => ({ value: k, label: BENEFIT_TYPE_LABELS[k] }))}
          value={filters.type ?? []}
          onChange={(v) => update({ type: v })}
          clearable
          w={{ base: "100%", xs: 200 }}
        />
        <Select
          label="Category"
          placeholder="Any"
          data={(categories.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
          value={filters.category ?? null}
          onChange={(v) => update({ category: v ?? undefined })}
          clearable
          w={{ base: "100%", xs: 170 }}
        />
        <Select
          label="Owner"
          placeholder="Anyone"
          searchable
          data={toUserOptions(users.data?.items)}
          value={filters.ownerId ?? null}
          onChange={(v) => update({ ownerId: v ?? undefined })}
          clearable
          w={{ base: "100%", xs: 180 }}
        />
        <Select
          label="Project"
          placeholder="Any"
          searchable
          data={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
          value={filters.projectId ?? null}
          onChange={(v) => update({ projectId: v ?? undefined })}
          clearable
          w={{ base: "100%", xs: 200 }}
        />
        <Select
          label="Objective"
          placeholder="Any"
          searchable
          data={(objectives.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))}
          value={filters.objectiveId ?? null}
          onChange={(v) => update({ objectiveId: v ?? undefined })}
          clearable
          w={{ base: "100%", xs: 200 }}
        />
        <Select
          label="Portfolio"
          placeholder="Any"
          searchable
          data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={filters.portfolioId ?? null}
          onChange={(v) => update({ portfolioId: v ?? undefined })}
          clearable
          w={{ base: "100%", xs: 180 }}
        />
      </Group>
      <ErrorAlert error={list.error} title="The benefits could not be loaded" />
      {list.isPending ? (
        <PageLoader label="Loading benefits" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            {filtered ? "No benefit matches these filters." : "No benefits yet."}
            {!filtered && mayWrite ? " Register one to start tracking its realization." : ""}
          </Text>
        </Paper>
      ) : (
        <>
          <Text size="sm" mb="xs" role="status">
            {items.length}
            {list.hasNextPage ? "+" : ""} benefit{items.length === 1 ? "" : "s"}
          </Text>
          <ScrollTable label="Benefits" minWidth={960}>
            <Table striped highlightOnHover aria-label="Benefits">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Code</Table.Th>
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">Owner</Table.Th>
                  <Table.Th scope="col">KPI</Table.Th>
                  <Table.Th scope="col" className="numeric">
                    Baseline → target
                  </Table.Th>
                  <Table.Th scope="col" className="numeric">
                    Latest actual
                  </Table.Th>
                  <Table.Th scope="col" className="numeric">
                    Realization
                  </Table.Th>
                  <Table.Th scope="col">Tracking</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.id} data-code={b.code}>
                    <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                      <Anchor component={Link} to={`/benefits/${b.id}`} fw={600}>
                        {b.code}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      {b.title}
                      <Group gap={4} mt={2}>
                        <BenefitStatusBadge status={b.status} />
                        {b.isDisbenefit ? (
                          <Text size="xs" c="dimmed">
                            Dis-benefit
                          </Text>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{ownerOf(b)?.name ?? "—"}</Table.Td>
                    <Table.Td>
                      {b.kpiName || "—"}
                      {b.unit ? (
                        <Text size="xs" c="dimmed">
                          {b.unit}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td className="numeric">
                      {formatNumber(b.baselineValue)} → {formatNumber(b.targetValue)}
                    </Table.Td>
                    <Table.Td className="numeric">
                      {b.latestActual ? (
                        <>
                          {formatNumber(b.latestActual.value)}
                          <Text size="xs" c="dimmed">
                            {formatPeriod(b.latestActual.period)}
                          </Text>
                        </>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                    <Table.Td className="numeric">{formatPct(b.realizationPct)}</Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <TrackingStatusBadge status={b.trackingStatus} />
                        {b.measurementOverdue ? <OverdueBadge label="Measurement overdue" /> : null}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
          />
        </>
      )}
    </>
  );
}
