import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { PageLoader } from "../../../components/PageLoader.js";
import { useCan } from "../../identity/session.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { useBenefitList, useReviews } from "../benefits-api.js";
import { formatNumber, formatPct } from "../labels.js";
import { BenefitStatusBadge, OverdueBadge, PirStatusBadge, TrackingStatusBadge } from "./badges.js";

/** The benefits a project enables, with their tracking, and the project's post-implementation reviews. */
export default function ProjectBenefitsPanel({ projectId }: { projectId: string }) {
  const list = useBenefitList({ projectId });
  const reviews = useReviews({ projectId });
  const mayWrite = useCan("benefit.write");
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const pirs = reviews.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm">
          {items.length === 0
            ? "This project enables no benefit yet."
            : `This project enables ${items.length} benefit${items.length === 1 ? "" : "s"}.`}
        </Text>
        {mayWrite ? (
          <Button component={Link} to={`/benefits/new?projectId=${projectId}`} size="compact-sm" variant="default">
            New benefit for this project
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} title="Benefits could not be loaded" />
      {list.isPending ? (
        <PageLoader label="Loading benefits" />
      ) : items.length > 0 ? (
        <ScrollTable label="Benefits of this project" minWidth={860}>
          <Table striped aria-label="Benefits of this project">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Benefit</Table.Th>
                <Table.Th scope="col">KPI</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Baseline → target
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Latest
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Realization
                </Table.Th>
                <Table.Th scope="col">Tracking</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/benefits/${b.id}`} fw={600}>
                      {b.code}
                    </Anchor>{" "}
                    <Text span fw={400} size="sm">
                      {b.title}
                    </Text>
                    <div>
                      <BenefitStatusBadge status={b.status} />
                    </div>
                  </Table.Th>
                  <Table.Td>
                    {b.kpiName || "—"} {b.unit ? `(${b.unit})` : ""}
                  </Table.Td>
                  <Table.Td className="numeric">
                    {formatNumber(b.baselineValue)} → {formatNumber(b.targetValue)}
                  </Table.Td>
                  <Table.Td className="numeric">{formatNumber(b.latestActual?.value)}</Table.Td>
                  <Table.Td className="numeric">{formatPct(b.realizationPct)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <TrackingStatusBadge status={b.trackingStatus} />
                      {b.measurementOverdue ? <OverdueBadge label="Measurement overdue" /> : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {pirs.length > 0 ? (
        <>
          <Text fw={600} mt="lg" mb="xs">
            Post-implementation reviews
          </Text>
          <ul aria-label="Post-implementation reviews of this project" style={{ margin: 0, paddingLeft: 20 }}>
            {pirs.map((r) => (
              <li key={r.id}>
                <Anchor component={Link} to={`/benefits/reviews/${r.id}`}>
                  {r.offsetMonths} months after closure
                </Anchor>{" "}
                <PirStatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
