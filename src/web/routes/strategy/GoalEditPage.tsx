import { Alert, Button, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/api-error.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { GoalForm } from "../../features/strategy/components/GoalForm.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { goalToForm, toUpdateGoalBody } from "../../features/strategy/goal-form-model.js";
import { useGoal, useSaveGoal } from "../../features/strategy/strategy-api.js";
import type { Goal } from "../../features/strategy/types.js";

function isGoal(value: unknown): value is Goal {
  return typeof value === "object" && value !== null && "version" in value && "smart" in value;
}

export default function GoalEditPage() {
  const { id = "" } = useParams();
  const loaded = useGoal(id);
  // The version being edited: set once on load, replaced only when the person asks to reload.
  const [base, setBase] = useState<Goal | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [nothingChanged, setNothingChanged] = useState(false);
  const save = useSaveGoal();
  const navigate = useNavigate();

  useEffect(() => {
    if (!base && loaded.data) setBase(loaded.data);
  }, [base, loaded.data]);

  const goal = base ?? loaded.data;
  if (loaded.isPending) return <PageLoader label="Loading goal" />;
  if (!goal) {
    return (
      <>
        <StrategyNav />
        <PageHeader title="Edit goal" />
        <ErrorAlert error={loaded.error} title="The goal could not be loaded" />
      </>
    );
  }

  const conflict = isApiError(save.error) && save.error.isConflict ? save.error : null;
  const reloadCurrent = async () => {
    const current = isGoal(conflict?.current) ? conflict.current : (await loaded.refetch()).data;
    if (!current) return;
    setBase(current);
    setFormKey((k) => k + 1);
    save.reset();
  };

  const banner = conflict ? (
    <Alert color="orange" variant="light" title="Someone else changed this goal" role="alert">
      <Text size="sm" mb="sm">
        Your changes were not saved because the goal was changed after you opened it. Reload the current version, then
        make your changes again.
      </Text>
      <Button variant="default" onClick={() => void reloadCurrent()}>
        Reload current version
      </Button>
    </Alert>
  ) : nothingChanged ? (
    <Alert color="blue" variant="light" role="status">
      Nothing has changed yet.
    </Alert>
  ) : null;

  return (
    <>
      <StrategyNav />
      <PageHeader title="Edit goal" description={goal.title} />
      <GoalForm
        key={`${goal.id}-${formKey}`}
        initial={goalToForm(goal)}
        initialProjectLabel={goal.projectCode}
        submitting={save.isPending}
        error={save.error}
        cancelTo={`/strategy/goals/${goal.id}`}
        banner={banner}
        onSubmit={(values) => {
          const { body, problems, changed } = toUpdateGoalBody(values, goal);
          if (Object.keys(problems).length > 0) return problems;
          setNothingChanged(changed === 0);
          if (changed === 0) return {};
          save.mutate({ id: goal.id, body }, { onSuccess: (saved) => void navigate(`/strategy/goals/${saved.id}`) });
          return {};
        }}
      />
    </>
  );
}
