import { Anchor, Badge, Group, List, Paper, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { formatPeriod } from "../../../components/format.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { formatPct, formatShift, formatValue } from "../labels.js";
import type { ConstraintRef, GreedyResult, RunResult } from "../types.js";

/** The tables of a run's result: the selected and not selected projects, and the greedy comparison. */

function Loss({ value, exact }: { value: number | null; exact: boolean }) {
  if (value === null) return "—";
  return exact ? (
    formatValue(value)
  ) : (
    <span title="Estimate: the re-solve stopped before proving optimality">≈ {formatValue(value)}</span>
  );
}

/** A constraint as a badge that keeps its whole label (wrapping in narrow cells). */
function ConstraintBadge({ c }: { c: ConstraintRef }) {
  return (
    <Badge
      variant="outline"
      color="grape"
      tt="none"
      fw={500}
      styles={{
        root: { height: "auto", minWidth: 0, maxWidth: "100%", paddingBlock: 2 },
        label: { whiteSpace: "normal", overflow: "visible" },
      }}
    >
      {c.label}
    </Badge>
  );
}

export function SelectedTable({ result, money }: { result: RunResult; money: (c: number) => string }) {
  return (
    <ScrollTable label="Selected projects" minWidth={900}>
      <Table striped aria-label="Selected projects">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Chosen start</Table.Th>
            <Table.Th scope="col">Shift from plan</Table.Th>
            <Table.Th scope="col" className="numeric">
              Value
            </Table.Th>
            <Table.Th scope="col" className="numeric">
              Cost in horizon
            </Table.Th>
            <Table.Th scope="col" className="numeric">
              Loss if removed
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.selected.map((p) => (
            <Table.Tr key={p.projectId}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/projects/${p.projectId}`}>
                  {p.code}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {p.name}{" "}
                {p.locked ? (
                  <Badge color="indigo" variant="light">
                    Locked in
                  </Badge>
                ) : p.mandatory ? (
                  <Badge color="blue" variant="light">
                    Mandatory
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatPeriod(p.start)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatShift(p.shiftMonths)}</Table.Td>
              <Table.Td className="numeric">{formatValue(p.value)}</Table.Td>
              <Table.Td className="numeric">{money(p.costInHorizonCents)}</Table.Td>
              <Table.Td className="numeric">
                <Loss value={p.lossIfRemoved} exact={p.lossExact} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function NotSelectedTable({ result, money }: { result: RunResult; money: (c: number) => string }) {
  return (
    <ScrollTable label="Projects not selected" minWidth={1000}>
      <Table striped aria-label="Projects not selected" style={{ tableLayout: "auto" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col" className="numeric">
              Value
            </Table.Th>
            <Table.Th scope="col" className="numeric">
              Cost in horizon
            </Table.Th>
            <Table.Th scope="col">Why not selected</Table.Th>
            <Table.Th scope="col" className="numeric">
              Loss if forced in
            </Table.Th>
            <Table.Th scope="col">Binding constraints</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.notSelected.map((p) => (
            <Table.Tr key={p.projectId} style={{ verticalAlign: "top" }}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/projects/${p.projectId}`}>
                  {p.code}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {p.name}{" "}
                {p.reason === "excluded" ? (
                  <Badge color="gray" variant="outline">
                    Excluded
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td className="numeric">{formatValue(p.value)}</Table.Td>
              <Table.Td className="numeric">{money(p.costInHorizonCents)}</Table.Td>
              <Table.Td style={{ minWidth: 240 }}>
                {p.explanation}
                {p.blockedBy.length > 0 ? (
                  <List size="xs" mt={4}>
                    {p.blockedBy.map((r) => (
                      <List.Item key={r.constraint}>{r.message}</List.Item>
                    ))}
                  </List>
                ) : null}
              </Table.Td>
              <Table.Td className="numeric">
                {p.lossIfForced === null && p.reason !== "excluded" ? (
                  "cannot be forced in"
                ) : (
                  <Loss value={p.lossIfForced} exact={p.lossExact} />
                )}
              </Table.Td>
              <Table.Td style={{ minWidth: 200 }}>
                {p.binding.length === 0 ? (
                  "—"
                ) : (
                  <Group gap={4}>
                    {p.binding.map((c) => (
                      <ConstraintBadge key={c.constraint} c={c} />
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function GreedyCard({ result }: { result: RunResult }) {
  const row = (label: string, g: GreedyResult) => (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {label}
      </Table.Th>
      <Table.Td className="numeric">{formatValue(g.value)}</Table.Td>
      <Table.Td className="numeric">{g.projectIds.length}</Table.Td>
      <Table.Td>
        {g.feasible ? (
          <Badge color="green" variant="light">
            Within every limit
          </Badge>
        ) : (
          <Badge color="red" variant="light">
            Breaks {g.violations.length} limit{g.violations.length === 1 ? "" : "s"}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
  const gain = result.greedy.gainPct;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="greedy-heading">
      <Title order={3} size="h4" id="greedy-heading">
        Optimizer against the ranking cut-line
      </Title>
      <Text size="sm" mb="xs">
        A spreadsheet takes projects down a ranking until the money runs out. The same candidates ranked two ways:
      </Text>
      <Table aria-label="Optimizer against the ranking cut-line">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Method</Table.Th>
            <Table.Th scope="col" className="numeric">
              Value
            </Table.Th>
            <Table.Th scope="col" className="numeric">
              Projects
            </Table.Th>
            <Table.Th scope="col">Limits</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {row("Ranked by value per cost", result.greedy.byValuePerCost)}
          {row("Ranked by value", result.greedy.byValue)}
          <Table.Tr>
            <Table.Th scope="row">Optimizer</Table.Th>
            <Table.Td className="numeric" fw={700}>
              {formatValue(result.value)}
            </Table.Td>
            <Table.Td className="numeric">{result.selected.length}</Table.Td>
            <Table.Td>
              <Badge color="green" variant="light">
                Within every limit
              </Badge>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text mt="sm" fw={600} data-testid="optimizer-gain">
        {gain === null
          ? "No feasible ranking to compare with."
          : gain > 0
            ? `The optimizer gains ${formatPct(gain)} over the better feasible ranking.`
            : "The optimizer's portfolio is worth as much as the better feasible ranking."}
      </Text>
    </Paper>
  );
}
