import { ActionIcon, Button, Group, Radio, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { formatPeriod } from "../../../components/format.js";
import {
  type BenefitFormValues,
  type FormProblems,
  type GeneratedKind,
  newRowKey,
  type PointRow,
} from "../benefit-form-model.js";
import { PROFILE_KIND_LABELS } from "../labels.js";

const KINDS: GeneratedKind[] = ["linear", "s_curve", "step"];

/**
 * The realization profile: generated from the baseline to the target (linear, S-curve or a step in
 * a chosen month), or entered month by month. On edit, the stored months are kept unless the person
 * chooses to replace them.
 */
export function ProfileEditor({
  values,
  onChange,
  problems,
  preview,
  isEdit,
  storedMonths,
}: {
  values: BenefitFormValues;
  onChange: (patch: Partial<BenefitFormValues>) => void;
  problems: FormProblems;
  /** The profile the live check computed, to copy into the month table. */
  preview: readonly { period: string; planned: number }[] | null;
  isEdit: boolean;
  storedMonths: number;
}) {
  const unit = values.unit ? ` (${values.unit})` : "";
  const setPoint = (index: number, patch: Partial<PointRow>) =>
    onChange({ points: values.points.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  return (
    <Stack gap="sm">
      <Radio.Group
        label="How the profile is made"
        value={values.profileMode}
        onChange={(v) => onChange({ profileMode: v as BenefitFormValues["profileMode"] })}
        error={problems.profile}
      >
        <Group mt={6} gap="lg">
          {isEdit && storedMonths > 0 ? (
            <Radio value="keep" label={`Keep the stored profile (${storedMonths} months)`} />
          ) : null}
          <Radio value="generated" label="Generate from baseline to target" />
          <Radio value="manual" label="Enter month by month" />
          <Radio value="none" label="No profile" />
        </Group>
      </Radio.Group>

      {values.profileMode === "generated" ? (
        <Group align="flex-start" grow wrap="wrap">
          <Select
            label="Shape"
            allowDeselect={false}
            data={KINDS.map((k) => ({ value: k, label: PROFILE_KIND_LABELS[k] }))}
            value={values.profileKind}
            onChange={(v) => onChange({ profileKind: (v as GeneratedKind | null) ?? values.profileKind })}
            error={problems["profile.kind"]}
          />
          <TextInput
            label="Start month"
            description="The baseline's month or later"
            type="month"
            required
            value={values.profileStart}
            onChange={(e) => onChange({ profileStart: e.currentTarget.value })}
            error={problems["profile.start"]}
          />
          {values.profileKind === "step" ? (
            <TextInput
              label="Step month"
              description="When the target is reached (default: the target month)"
              type="month"
              value={values.profileStepAt}
              onChange={(e) => onChange({ profileStepAt: e.currentTarget.value })}
              error={problems["profile.stepAt"]}
            />
          ) : null}
        </Group>
      ) : null}

      {values.profileMode === "manual" ? (
        <Stack gap="xs">
          {values.points.length === 0 ? (
            <Text size="sm">No months yet. Add the planned value of each month from the start of realization.</Text>
          ) : (
            <Table aria-label="Planned value by month" withRowBorders={false} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Month</Table.Th>
                  <Table.Th scope="col">Planned value{unit}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.points.map((p, i) => (
                  <Table.Tr key={p.key}>
                    <Table.Td>
                      <TextInput
                        aria-label={`Month ${i + 1}`}
                        type="month"
                        value={p.period}
                        onChange={(e) => setPoint(i, { period: e.currentTarget.value })}
                        error={problems[`profile.points.${i}.period`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Planned value in ${p.period ? formatPeriod(p.period) : `month ${i + 1}`}`}
                        inputMode="decimal"
                        value={p.planned}
                        onChange={(e) => setPoint(i, { planned: e.currentTarget.value })}
                        error={problems[`profile.points.${i}.planned`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove month ${i + 1}`}
                        onClick={() => onChange({ points: values.points.filter((_, j) => j !== i) })}
                      >
                        <span aria-hidden="true">✕</span>
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group gap="sm">
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => {
                const last = values.points.at(-1)?.period;
                let next = values.profileStart || values.baselineDate.slice(0, 7);
                if (last && /^\d{4}-\d{2}$/.test(last)) {
                  const [y, m] = last.split("-").map(Number) as [number, number];
                  next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
                }
                onChange({ points: [...values.points, { key: newRowKey("point"), period: next, planned: "" }] });
              }}
            >
              Add month
            </Button>
            {preview && preview.length > 0 ? (
              <Button
                variant="default"
                size="compact-sm"
                onClick={() =>
                  onChange({
                    points: preview.map((p) => ({
                      key: newRowKey("point"),
                      period: p.period,
                      planned: String(Math.round(p.planned * 1000) / 1000),
                    })),
                  })
                }
              >
                Fill with the previewed profile
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
