import { Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate, formatDateTime } from "../../components/format.js";
import { useDocumentTitle } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useReview } from "../../features/benefits/benefits-api.js";
import {
  formatNumber,
  formatPct,
  PIR_STATUS_LABELS,
  RATING_LABELS,
  TRACKING_STATUS,
} from "../../features/benefits/labels.js";
import { useSignedInMe } from "../../features/identity/session.js";

function Block({ title, text }: { title: string; text: string }) {
  return (
    <section>
      <Title order={2} size="h4" mb={4}>
        {title}
      </Title>
      <Text style={{ whiteSpace: "pre-wrap" }}>{text || "—"}</Text>
    </section>
  );
}

/** The review as a report to print or save as PDF: no navigation, print styles in styles.css. */
export default function ReviewPrintPage() {
  const { id = "" } = useParams();
  const { data: pir, error, isPending } = useReview(id);
  const me = useSignedInMe();
  useDocumentTitle(pir ? `Review of ${pir.projectCode}` : "Post-implementation review");

  if (isPending) return <PageLoader label="Loading review" />;
  if (!pir) return <ErrorAlert error={error} title="The review could not be loaded" />;

  return (
    <div className="print-report">
      <Group justify="space-between" className="no-print" mb="lg">
        <Anchor component={Link} to={`/benefits/reviews/${pir.id}`}>
          ← Back to the review
        </Anchor>
        <Button onClick={() => window.print()}>Print</Button>
      </Group>
      <Stack gap="lg">
        <header>
          <Text size="sm" fw={600}>
            {me.organization.name} · Post-implementation review
          </Text>
          <Title order={1} size="h2">
            {pir.projectCode} · {pir.projectName}
          </Title>
          <Text>
            Review {pir.offsetMonths} months after closure, due {formatDate(pir.dueDate)} ·{" "}
            {PIR_STATUS_LABELS[pir.status]}
          </Text>
        </header>
        <Table withTableBorder withColumnBorders aria-label="Review details">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" w={220}>
                Rating
              </Table.Th>
              <Table.Td>{pir.rating === null ? "Not rated" : RATING_LABELS[pir.rating - 1]}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Sponsor</Table.Th>
              <Table.Td>{pir.sponsor?.name ?? "—"}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Completed</Table.Th>
              <Table.Td>
                {pir.completedAt ? `${formatDateTime(pir.completedAt)} by ${pir.completedBy?.name ?? "—"}` : "Not yet"}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Signed off</Table.Th>
              <Table.Td>
                {pir.signedOffAt ? `${formatDateTime(pir.signedOffAt)} by ${pir.signedOffBy?.name ?? "—"}` : "Not yet"}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <section>
          <Title order={2} size="h4" mb="xs">
            Benefits: planned against actual
          </Title>
          <Table withTableBorder withColumnBorders aria-label="Benefits reviewed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Benefit</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Planned
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Actual
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Realization
                </Table.Th>
                <Table.Th scope="col">Tracking</Table.Th>
                <Table.Th scope="col">Comment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pir.items.map((item) => (
                <Table.Tr key={item.benefitId}>
                  <Table.Th scope="row">
                    {item.benefitCode} · {item.benefitTitle}
                  </Table.Th>
                  <Table.Td className="numeric">
                    {formatNumber(item.planned)} {item.unit}
                  </Table.Td>
                  <Table.Td className="numeric">
                    {formatNumber(item.actual)} {item.unit}
                  </Table.Td>
                  <Table.Td className="numeric">{formatPct(item.realizationPct)}</Table.Td>
                  <Table.Td>{TRACKING_STATUS[item.trackingStatus]?.label ?? item.trackingStatus}</Table.Td>
                  <Table.Td>{item.comment || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        <Block title="Summary" text={pir.summary} />
        <Block title="Lessons learned" text={pir.lessons} />
        <Block title="Recommendations" text={pir.recommendations} />
        <Text size="xs" c="dimmed">
          Printed from Throughline on {formatDateTime(new Date().toISOString())}.
        </Text>
      </Stack>
    </div>
  );
}
