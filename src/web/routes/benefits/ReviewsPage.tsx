import { Anchor, Group, MultiSelect, Paper, Table, Text } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useReviews } from "../../features/benefits/benefits-api.js";
import { OverdueBadge, PirStatusBadge } from "../../features/benefits/components/badges.js";
import { PIR_STATUS_LABELS } from "../../features/benefits/labels.js";
import type { PirStatus } from "../../features/benefits/types.js";
import { listParam } from "../../features/meetings/use-url-filters.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";

const STATUSES = Object.keys(PIR_STATUS_LABELS) as PirStatus[];

/** Post-implementation reviews, scheduled automatically after each closed project with benefits. */
export default function ReviewsPage() {
  const [params, setParams] = useSearchParams();
  const status = listParam(params.get("status"), STATUSES);
  const list = useReviews({ status });
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Post-implementation reviews"
        description="After a project closes, its benefits are reviewed at set months: planned against actual, lessons and recommendations, signed off by the sponsor."
      />
      <Group align="flex-end" gap="sm" mb="md">
        <MultiSelect
          label="Status"
          placeholder={status.length ? undefined : "Any status"}
          data={STATUSES.map((s) => ({ value: s, label: PIR_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (v.length) next.set("status", v.join(","));
                else next.delete("status");
                return next;
              },
              { replace: true },
            )
          }
          clearable
          w={{ base: "100%", xs: 300 }}
        />
      </Group>
      <ErrorAlert error={list.error} title="Reviews could not be loaded" />
      {list.isPending ? (
        <PageLoader label="Loading reviews" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            No reviews
            {status.length ? " with this status" : " yet: they are scheduled when a project with benefits closes"}.
          </Text>
        </Paper>
      ) : (
        <ScrollTable label="Post-implementation reviews" minWidth={820}>
          <Table striped highlightOnHover aria-label="Post-implementation reviews">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Project</Table.Th>
                <Table.Th scope="col">Review</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Rating
                </Table.Th>
                <Table.Th scope="col">Sponsor</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/benefits/reviews/${r.id}`} fw={600}>
                      {r.projectCode} · {r.projectName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{r.offsetMonths} months after closure</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatDate(r.dueDate)} {r.overdue ? <OverdueBadge /> : null}
                  </Table.Td>
                  <Table.Td>
                    <PirStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td className="numeric">{r.rating === null ? "—" : `${r.rating} / 5`}</Table.Td>
                  <Table.Td>{r.sponsor?.name ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
