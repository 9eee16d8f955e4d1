import { Button, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormProblems, type MilestoneRow, newMilestoneKey } from "../goal-form-model.js";

/** Interim milestones of a goal: a date strictly between baseline and target, and the value expected then. */
export function MilestonesEditor({
  rows,
  onChange,
  problems,
  unit,
}: {
  rows: MilestoneRow[];
  onChange: (rows: MilestoneRow[]) => void;
  problems: FormProblems;
  unit: string;
}) {
  const update = (i: number, patch: Partial<MilestoneRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section aria-labelledby="milestones-heading">
      <Title order={3} size="h5" id="milestones-heading" mb={4}>
        Milestones
      </Title>
      <Text size="sm" mb="xs">
        Optional values expected on dates between the baseline and the target; the expected path runs through them.
      </Text>
      {problems.milestones ? (
        <Text c="red.8" size="sm" role="alert" mb="xs">
          Milestones: {problems.milestones}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <Table aria-label="Milestones" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Value{unit ? ` (${unit})` : ""}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => {
              const n = i + 1;
              return (
                <Table.Tr key={row.key} style={{ verticalAlign: "top" }}>
                  <Table.Td>
                    <TextInput
                      type="date"
                      aria-label={`Milestone ${n} date`}
                      value={row.date}
                      onChange={(e) => update(i, { date: e.currentTarget.value })}
                      error={problems[`milestones.${i}.date`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Milestone ${n} value`}
                      inputMode="decimal"
                      value={row.value}
                      onChange={(e) => update(i, { value: e.currentTarget.value })}
                      error={problems[`milestones.${i}.value`] ?? problems[`milestones.${i}`]}
                      styles={{ input: { textAlign: "right" } }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      aria-label={`Remove milestone ${n}`}
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      <Button
        variant="default"
        mt="xs"
        onClick={() => onChange([...rows, { key: newMilestoneKey(), date: "", value: "" }])}
      >
        Add milestone
      </Button>
    </section>
  );
}
