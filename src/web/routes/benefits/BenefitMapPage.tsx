import { Alert, Anchor, Box, Button, Group, List, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useBenefitMap, useDeleteChange } from "../../features/benefits/benefits-api.js";
import {
  type BusinessChangeDraft,
  BusinessChangeModal,
} from "../../features/benefits/components/BusinessChangeModal.js";
import { IMPACT_COLOR, MAP_COLORS, MAP_LAYERS } from "../../features/benefits/components/charts/map-style.js";
import { MAP_KIND_LABELS, TRACKING_STATUS } from "../../features/benefits/labels.js";
import type { BenefitMap, MapNode, TrackingStatus } from "../../features/benefits/types.js";
import { useCan } from "../../features/identity/session.js";
import { usePortfolios } from "../../features/portfolio/portfolios.js";
import { HiddenDataTable } from "../../features/selection/components/charts/chart-support.js";
import { ChartFallback } from "../../features/strategy/components/ChartFallback.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";
import { useObjectives } from "../../features/strategy/strategy-api.js";

const BenefitMapChart = lazy(() => import("../../features/benefits/components/charts/BenefitMapChart.js"));

/** The register page behind a node: a project, a benefit, an objective's goals; none for business changes. */
function linkOf(node: MapNode): string | null {
  if (!node.refId) return null;
  if (node.kind === "enabler") return `/projects/${node.refId}?tab=benefits`;
  if (node.kind === "benefit") return `/benefits/${node.refId}`;
  if (node.kind === "objective") return `/strategy/goals?objectiveId=${node.refId}`;
  return null;
}

function statusLabel(node: MapNode): string {
  if (!node.status) return "—";
  if (node.kind === "benefit") return TRACKING_STATUS[node.status as TrackingStatus]?.label ?? node.status;
  return node.status.replace(/_/g, " ");
}

/** A business change's links, read from the network's stored edges. */
function draftOf(map: BenefitMap, node: MapNode): BusinessChangeDraft {
  return {
    id: node.id,
    label: node.label,
    ownerId: node.owner?.id ?? null,
    projectIds: map.edges
      .filter((e) => e.to === node.id && e.from.startsWith("project:"))
      .map((e) => e.from.slice("project:".length)),
    benefitIds: map.edges
      .filter((e) => e.from === node.id && e.to.startsWith("benefit:"))
      .map((e) => e.to.slice("benefit:".length)),
  };
}

function Legend() {
  return (
    <Group gap="md" wrap="wrap" aria-label="Legend" role="list">
      {MAP_LAYERS.map((kind) => (
        <Group key={kind} gap={6} role="listitem">
          <Box
            w={18}
            h={12}
            style={{ background: MAP_COLORS[kind], border: "1.5px solid #495057", borderRadius: 3 }}
            aria-hidden="true"
          />
          <Text size="sm">{MAP_KIND_LABELS[kind]}</Text>
        </Group>
      ))}
      <Group gap={6} role="listitem">
        <Box w={18} h={12} style={{ border: `4px solid ${IMPACT_COLOR}`, borderRadius: 3 }} aria-hidden="true" />
        <Text size="sm">Impacted (⚠): downstream of a project on hold, cancelled or ending after the target date</Text>
      </Group>
    </Group>
  );
}

export default function BenefitMapPage() {
  const [params, setParams] = useSearchParams();
  const objectiveId = params.get("objectiveId") ?? undefined;
  const portfolioId = params.get("portfolioId") ?? undefined;
  const benefitId = params.get("benefitId") ?? undefined;
  const map = useBenefitMap({ objectiveId, portfolioId, benefitId });
  const everything = useBenefitMap({});
  const objectives = useObjectives();
  const portfolios = usePortfolios("include");
  const mayManage = useCan("benefit.manage");
  const remove = useDeleteChange();
  const [editing, setEditing] = useState<BusinessChangeDraft | null>(null);
  const [deleting, setDeleting] = useState<MapNode | null>(null);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const data = map.data;
  const nodes = data?.nodes ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const impacted = nodes
    .filter((n) => n.impacted)
    .sort((a, b) => MAP_LAYERS.indexOf(a.kind) - MAP_LAYERS.indexOf(b.kind) || a.label.localeCompare(b.label));
  const changes = (everything.data?.nodes ?? []).filter((n) => n.kind === "business_change");
  const allById = new Map((everything.data?.nodes ?? []).map((n) => [n.id, n]));

  return (
    <>
      <PageHeader
        title="Benefits map"
        description="The golden thread as a network: enabling projects deliver business changes, which realize benefits, which serve objectives."
        actions={
          mayManage ? (
            <Button onClick={() => setEditing({ label: "", ownerId: null, projectIds: [], benefitIds: [] })}>
              Add business change
            </Button>
          ) : null
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label="Objective"
          placeholder="Every objective"
          searchable
          clearable
          data={(objectives.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))}
          value={objectiveId ?? null}
          onChange={(v) => setParam("objectiveId", v)}
          w={{ base: "100%", xs: 260 }}
        />
        <Select
          label="Portfolio"
          placeholder="Every portfolio"
          searchable
          clearable
          data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={portfolioId ?? null}
          onChange={(v) => setParam("portfolioId", v)}
          w={{ base: "100%", xs: 240 }}
        />
        {benefitId ? (
          <Button variant="default" onClick={() => setParam("benefitId", null)}>
            Show every benefit
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={map.error} title="The map could not be loaded" />
      {map.isPending ? (
        <PageLoader label="Loading the map" />
      ) : nodes.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No benefits to show. Register benefits and link them to projects and objectives to draw the map.</Text>
        </Paper>
      ) : (
        <Stack gap="md">
          <Paper withBorder p="sm" component="section" aria-labelledby="map-heading">
            <Title order={2} size="h4" id="map-heading" mb="xs">
              Network
            </Title>
            <Suspense fallback={<ChartFallback />}>{data ? <BenefitMapChart map={data} /> : null}</Suspense>
            <Legend />
            {data ? (
              <HiddenDataTable
                caption="Nodes of the benefits map"
                headers={["Node", "Kind", "Owner", "Status", "Impact", "Leads to"]}
                rows={nodes.map((n) => [
                  n.label,
                  MAP_KIND_LABELS[n.kind],
                  n.owner?.name ?? "—",
                  statusLabel(n),
                  n.impacted ? `Impacted: ${n.impactReason ?? ""}` : "—",
                  data.edges
                    .filter((e) => e.from === n.id)
                    .map((e) => byId.get(e.to)?.label ?? e.to)
                    .join("; ") || "—",
                ])}
              />
            ) : null}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="impacted-heading">
            <Title order={2} size="h4" id="impacted-heading" mb="xs">
              Impacted ({impacted.length})
            </Title>
            {impacted.length === 0 ? (
              <Text size="sm">No node is impacted: no enabling project is on hold, cancelled or late.</Text>
            ) : (
              <>
                <Alert color="red" variant="light" mb="sm">
                  {impacted.length} node{impacted.length === 1 ? " is" : "s are"} downstream of a troubled enabling
                  project.
                </Alert>
                <List aria-label="Impacted nodes" spacing={4}>
                  {impacted.map((n) => {
                    const to = linkOf(n);
                    return (
                      <List.Item key={n.id}>
                        <Text span fw={600} size="sm">
                          {MAP_KIND_LABELS[n.kind]}:{" "}
                        </Text>
                        {to ? (
                          <Anchor component={Link} to={to} size="sm">
                            {n.label}
                          </Anchor>
                        ) : (
                          <Text span size="sm">
                            {n.label}
                          </Text>
                        )}
                        <Text span size="sm">
                          {" "}
                          — {n.impactReason}
                        </Text>
                      </List.Item>
                    );
                  })}
                </List>
              </>
            )}
          </Paper>
        </Stack>
      )}

      <Paper withBorder p="md" mt="md" component="section" aria-labelledby="changes-heading">
        <Title order={2} size="h4" id="changes-heading" mb="xs">
          Business changes ({changes.length})
        </Title>
        <ErrorAlert error={remove.error} title="The business change was not removed" />
        {changes.length === 0 ? (
          <Text size="sm">
            No business changes yet. Projects that enable a benefit are linked to it directly until one is added.
          </Text>
        ) : (
          <ScrollTable label="Business changes" minWidth={760}>
            <Table striped aria-label="Business changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Business change</Table.Th>
                  <Table.Th scope="col">Owner</Table.Th>
                  <Table.Th scope="col">Enabled by</Table.Th>
                  <Table.Th scope="col">Enables</Table.Th>
                  {mayManage ? (
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c) => {
                  const d = everything.data ? draftOf(everything.data, c) : null;
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row">
                        {c.impacted ? (
                          <>
                            <span aria-hidden="true">⚠ </span>
                            <span className="visually-hidden">Impacted: </span>
                          </>
                        ) : null}
                        {c.label}
                      </Table.Th>
                      <Table.Td>{c.owner?.name ?? "—"}</Table.Td>
                      <Table.Td>
                        {d?.projectIds.map((id) => allById.get(`project:${id}`)?.label ?? id).join("; ") || "—"}
                      </Table.Td>
                      <Table.Td>
                        {d?.benefitIds.map((id) => allById.get(`benefit:${id}`)?.label ?? id).join("; ") || "—"}
                      </Table.Td>
                      {mayManage ? (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" onClick={() => d && setEditing(d)}>
                              Edit<span className="visually-hidden"> {c.label}</span>
                            </Button>
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeleting(c)}>
                              Delete<span className="visually-hidden"> {c.label}</span>
                            </Button>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Paper>
      <BusinessChangeModal change={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title="Remove business change"
        confirmLabel="Remove"
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}
      >
        Remove “{deleting?.label}” from the map? Its projects link to its benefits directly again.
      </ConfirmModal>
    </>
  );
}
