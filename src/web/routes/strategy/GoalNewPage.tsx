import { useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { GoalForm } from "../../features/strategy/components/GoalForm.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { emptyGoalForm, toCreateGoalBody } from "../../features/strategy/goal-form-model.js";
import { useSaveGoal } from "../../features/strategy/strategy-api.js";

export default function GoalNewPage() {
  const [params] = useSearchParams();
  const save = useSaveGoal();
  const navigate = useNavigate();
  const projectId = params.get("projectId");
  const initial = emptyGoalForm({
    objectiveId: params.get("objectiveId"),
    ...(projectId ? { level: "project" as const, projectId } : {}),
  });

  return (
    <>
      <StrategyNav />
      <PageHeader title="New goal" description="A measurable goal (KPI) with a baseline, a target and a date." />
      <GoalForm
        initial={initial}
        submitting={save.isPending}
        error={save.error}
        cancelTo="/strategy/goals"
        onSubmit={(values) => {
          const { body, problems } = toCreateGoalBody(values);
          if (Object.keys(problems).length > 0) return problems;
          save.mutate({ body }, { onSuccess: (goal) => void navigate(`/strategy/goals/${goal.id}`) });
          return {};
        }}
      />
    </>
  );
}
