import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { usePortfolios } from "../../portfolio/portfolios.js";
import { formatHorizon } from "../labels.js";
import type { NumberText } from "../scenario-form-model.js";
import { useCreateScenario } from "../selection-api.js";
import type { Scenario } from "../types.js";

const SHOWN = new Set(["name", "portfolioId", "firstMonth", "horizonMonths"]);

/** The month after today's, a sensible start for a new plan (`YYYY-MM`). */
function nextMonth(): string {
  const d = new Date();
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 7);
}

/** A new scenario: its name, portfolio and planning horizon; everything else is set in the editor. */
export function NewScenarioModal({
  opened,
  onClose,
  onCreated,
  portfolioId,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (scenario: Scenario) => void;
  /** Preselected portfolio (the list's filter). */
  portfolioId?: string;
}) {
  const create = useCreateScenario();
  const portfolios = usePortfolios();
  const [name, setName] = useState("");
  const [portfolio, setPortfolio] = useState<string | null>(null);
  const [firstMonth, setFirstMonth] = useState(nextMonth);
  const [horizon, setHorizon] = useState<NumberText>(12);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setName("");
    setPortfolio(portfolioId ?? null);
    setFirstMonth(nextMonth());
    setHorizon(12);
    create.reset();
  }, [opened]);

  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : {};
  const horizonCount = typeof horizon === "number" ? horizon : Number(horizon);
  const hasValidHorizon =
    /^\d{4}-(0[1-9]|1[0-2])$/.test(firstMonth) && Number.isInteger(horizonCount) && horizonCount >= 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name,
        portfolioId: portfolio ?? "",
        firstMonth,
        horizonMonths: Number.isFinite(horizonCount) ? horizonCount : 0,
      },
      {
        onSuccess: (scenario) => {
          onCreated(scenario);
          onClose();
        },
      },
    );
  };

  return (
    <AppModal opened={opened} onClose={onClose} title="New scenario">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} title="The scenario was not created" hideFields={(p) => SHOWN.has(p)} />
          <TextInput
            label="Name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            data-autofocus
          />
          <Select
            label="Portfolio"
            required
            searchable
            data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={portfolio}
            onChange={setPortfolio}
            error={fieldErrors.portfolioId}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="First month"
              type="month"
              required
              placeholder="YYYY-MM"
              value={firstMonth}
              onChange={(e) => setFirstMonth(e.currentTarget.value)}
              error={fieldErrors.firstMonth}
            />
            <NumberInput
              label="Horizon (months)"
              required
              min={1}
              max={120}
              allowDecimal={false}
              value={horizon}
              onChange={setHorizon}
              error={fieldErrors.horizonMonths}
            />
          </SimpleGrid>
          <Text size="sm">
            {hasValidHorizon
              ? `Plans ${formatHorizon(firstMonth, horizonCount)}. The portfolio's proposed, approved and active projects become the candidates.`
              : "Choose the first month and how many months to plan."}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create scenario
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
