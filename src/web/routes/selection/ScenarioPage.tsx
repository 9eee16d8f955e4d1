import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { isApiError } from "../../api/api-error.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDateTime } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useMoney } from "../../components/use-money.js";
import { useCan } from "../../features/identity/session.js";
import { ScenarioStatusBadge } from "../../features/selection/components/badges.js";
import { CandidatesPanel } from "../../features/selection/components/CandidatesPanel.js";
import { ConstraintsPanel } from "../../features/selection/components/ConstraintsPanel.js";
import { CopyScenarioModal } from "../../features/selection/components/CopyScenarioModal.js";
import { RunPanel } from "../../features/selection/components/RunPanel.js";
import { SettingsPanel } from "../../features/selection/components/SettingsPanel.js";
import { formatHorizon } from "../../features/selection/labels.js";
import {
  type FormProblems,
  isDirty as formIsDirty,
  formMonths,
  type ScenarioForm,
  scenarioToForm,
  toUpdateBody,
} from "../../features/selection/scenario-form-model.js";
import { useDeleteScenario, useScenario, useUpdateScenario } from "../../features/selection/selection-api.js";
import type { Scenario } from "../../features/selection/types.js";

const TABS = [
  { value: "settings", label: "Settings", owns: (path: string) => !/^(constraints|candidates)(\.|$)/.test(path) },
  { value: "candidates", label: "Candidates", owns: (path: string) => /^candidates(\.|$)/.test(path) },
  { value: "constraints", label: "Constraints", owns: (path: string) => /^constraints(\.|$)/.test(path) },
  { value: "run", label: "Run and results", owns: () => false },
] as const;
type TabValue = (typeof TABS)[number]["value"];

/** Fields whose change alters who the candidates are or what they are worth (the server resolves them). */
function changesCandidates(form: ScenarioForm, base: Scenario): boolean {
  return (
    form.valueSource !== base.valueSource ||
    form.lockActive !== base.lockActive ||
    [...form.candidateStatuses].sort().join() !== [...base.candidateStatuses].sort().join() ||
    String(form.startFlexMonths) !== String(base.startFlexMonths) ||
    form.firstMonth !== base.firstMonth ||
    String(form.horizonMonths) !== String(base.horizonMonths)
  );
}

function isScenario(value: unknown): value is Scenario {
  return typeof value === "object" && value !== null && "version" in value && "constraints" in value;
}

export default function ScenarioPage() {
  const { id = "" } = useParams();
  const loaded = useScenario(id);
  if (loaded.isPending) return <PageLoader label="Loading scenario" />;
  if (!loaded.data) {
    return (
      <>
        <PageHeader title="Scenario" />
        <ErrorAlert error={loaded.error} title="The scenario could not be loaded" />
      </>
    );
  }
  return (
    <ScenarioEditor key={loaded.data.id} scenario={loaded.data} reload={async () => (await loaded.refetch()).data} />
  );
}

function ScenarioEditor({
  scenario,
  reload,
}: {
  scenario: Scenario;
  /** Reads the scenario as it is now on the server. */
  reload: () => Promise<Scenario | undefined>;
}) {
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: TabValue = TABS.some((t) => t.value === requested) ? (requested as TabValue) : "settings";
  const { currency, format: money } = useMoney();
  const mayWrite = useCan("selection.write");
  const navigate = useNavigate();

  // The version being edited and the form over it; replaced on save, on reload after a conflict,
  // or when the scenario changed elsewhere while nothing here was changed.
  const [base, setBase] = useState<Scenario>(scenario);
  const [form, setForm] = useState<ScenarioForm>(() => scenarioToForm(scenario));
  const [clientProblems, setClientProblems] = useState<FormProblems>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(scenario.latestRun?.id ?? null);
  const [copying, setCopying] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const update = useUpdateScenario(scenario.id);
  const remove = useDeleteScenario();

  const dirty = formIsDirty(form, base);
  const readOnly = !base.permissions.edit;

  useEffect(() => {
    if (scenario.version !== base.version && !dirty && !update.isPending) {
      setBase(scenario);
      setForm(scenarioToForm(scenario));
    }
  }, [scenario, base.version, dirty, update.isPending]);

  // A run started elsewhere (or the first one) becomes the one shown when none is.
  useEffect(() => {
    if (runId === null && scenario.latestRun) setRunId(scenario.latestRun.id);
  }, [runId, scenario.latestRun]);

  // Closing the tab with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const categoryName = useCallback(
    (key: string) => scenario.categories.find((c) => c.key === key)?.name ?? key,
    [scenario.categories],
  );

  const conflict = isApiError(update.error) && update.error.isConflict ? update.error : null;
  const serverProblems = isApiError(update.error) && !conflict ? update.error.fieldErrors : {};
  const problems: FormProblems = { ...serverProblems, ...clientProblems };
  const currentTab = TABS.find((t) => t.value === tab) ?? TABS[0];
  const problemCount = (t: (typeof TABS)[number]) => Object.keys(problems).filter((p) => t.owns(p)).length;

  const edit = (next: ScenarioForm) => {
    setForm(next);
    setSavedAt(null);
    if (Object.keys(clientProblems).length > 0) setClientProblems(toUpdateBody(next, base).problems);
  };

  const save = async (): Promise<boolean> => {
    const { body, problems: found, changed } = toUpdateBody(form, base);
    setClientProblems(found);
    if (Object.keys(found).length > 0) return false;
    if (changed === 0) return true;
    try {
      const saved = await update.mutateAsync(body);
      setBase(saved);
      setForm(scenarioToForm(saved));
      setSavedAt(saved.updatedAt);
      return true;
    } catch {
      return false;
    }
  };

  const reloadCurrent = async () => {
    // The server's copy now, rather than the one in the conflict: the page's cached scenario must move too.
    const current = (await reload()) ?? (isScenario(conflict?.current) ? conflict.current : undefined);
    if (!current) return;
    setBase(current);
    setForm(scenarioToForm(current));
    setClientProblems({});
    update.reset();
  };

  const discard = () => {
    setForm(scenarioToForm(base));
    setClientProblems({});
    update.reset();
  };

  const months = formMonths(form).length > 0 ? formMonths(form) : scenario.months;
  const setTab = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!value || value === "settings") next.delete("tab");
        else next.set("tab", value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Anchor component={Link} to="/selection" size="sm" mb="xs" display="inline-block">
        ← All scenarios
      </Anchor>
      <PageHeader
        title={base.name}
        description={
          <Group gap="xs" component="span">
            <ScenarioStatusBadge status={scenario.status} />
            <span>
              {scenario.portfolioName} · {formatHorizon(base.firstMonth, base.horizonMonths)}
            </span>
          </Group>
        }
        actions={
          <>
            <Text size="sm" role="status" data-testid="save-state" fw={dirty ? 700 : 400}>
              {readOnly ? "Read only" : dirty ? "Unsaved changes" : savedAt ? "All changes saved" : "No changes"}
            </Text>
            {readOnly ? null : (
              <>
                <Button variant="default" onClick={discard} disabled={!dirty}>
                  Discard changes
                </Button>
                <Button onClick={() => void save()} loading={update.isPending} disabled={!dirty}>
                  Save
                </Button>
              </>
            )}
            {mayWrite ? (
              <Button variant="default" onClick={() => setCopying(true)}>
                Copy
              </Button>
            ) : null}
            {base.permissions.edit ? (
              <Button variant="default" color="red" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            ) : null}
          </>
        }
      />

      <Stack gap="sm" mb="md">
        {conflict ? (
          <Alert color="orange" variant="light" title="Someone else changed this scenario" role="alert">
            <Text size="sm" mb="sm">
              Your changes were not saved because the scenario was changed after you opened it. Reload the current
              version, then make your changes again.
            </Text>
            <Button variant="default" onClick={() => void reloadCurrent()}>
              Reload current version
            </Button>
          </Alert>
        ) : (
          <ErrorAlert
            error={update.error}
            title="The scenario was not saved"
            hideFields={(p) => p !== "_" && currentTab.owns(p)}
          />
        )}
        {Object.keys(clientProblems).length > 0 ? (
          <Alert color="red" variant="light" title="Some values need fixing before saving" role="alert">
            {TABS.filter((t) => problemCount(t) > 0)
              .map((t) => `${t.label}: ${problemCount(t)}`)
              .join(" · ")}
          </Alert>
        ) : null}
        {scenario.status === "committed" ? (
          <Alert color="green" variant="light" title="This scenario's portfolio is approved">
            Approved {formatDateTime(scenario.committedAt)}.{" "}
            <Anchor
              component={Link}
              to={`/decisions?q=${encodeURIComponent(scenario.name)}`}
              underline="always"
              c="inherit"
              fw={600}
            >
              See the decision log
            </Anchor>
          </Alert>
        ) : null}
      </Stack>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label="Scenario sections" mb="md">
          {TABS.map((t) => {
            const count = problemCount(t);
            return (
              <Tabs.Tab
                key={t.value}
                value={t.value}
                rightSection={
                  count > 0 ? (
                    <Badge color="red" variant="filled" size="sm" aria-label={`${count} to fix`}>
                      {count}
                    </Badge>
                  ) : null
                }
              >
                {t.label}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="settings">
          <SettingsPanel
            form={form}
            onChange={edit}
            problems={problems}
            portfolioName={scenario.portfolioName}
            readOnly={readOnly}
          />
        </Tabs.Panel>
        <Tabs.Panel value="candidates">
          <CandidatesPanel
            candidates={scenario.candidates}
            form={form}
            onChange={edit}
            problems={problems}
            months={months}
            readOnly={readOnly}
            formatMoney={money}
            categoryName={categoryName}
            needsRefresh={changesCandidates(form, base)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="constraints">
          <ConstraintsPanel
            form={form}
            onChange={edit}
            problems={problems}
            months={months}
            scenario={scenario}
            currency={currency}
            readOnly={readOnly}
          />
        </Tabs.Panel>
        <Tabs.Panel value="run">
          <RunPanel
            scenario={scenario}
            isDirty={dirty}
            saveFirst={save}
            runId={runId}
            onRunChange={setRunId}
            currency={currency}
            categoryName={categoryName}
          />
        </Tabs.Panel>
      </Tabs>

      <CopyScenarioModal opened={copying} onClose={() => setCopying(false)} scenario={scenario} />
      <ConfirmModal
        opened={deleting}
        title="Delete scenario"
        confirmLabel="Delete scenario"
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(
            { id: scenario.id, version: base.version },
            { onSuccess: () => void navigate("/selection", { replace: true }) },
          )
        }
      >
        Delete <strong>{base.name}</strong> and all its runs? This cannot be undone.
        <ErrorAlert error={remove.error} title="The scenario was not deleted" />
      </ConfirmModal>
    </>
  );
}
