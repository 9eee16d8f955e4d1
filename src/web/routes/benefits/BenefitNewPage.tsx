import { useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { emptyBenefitForm, toCreateBenefitBody } from "../../features/benefits/benefit-form-model.js";
import { useSaveBenefit } from "../../features/benefits/benefits-api.js";
import { BenefitForm } from "../../features/benefits/components/BenefitForm.js";

export default function BenefitNewPage() {
  const [params] = useSearchParams();
  const save = useSaveBenefit();
  const navigate = useNavigate();
  const projectId = params.get("projectId");
  const initial = emptyBenefitForm(projectId ? { projectIds: [projectId] } : {});

  return (
    <>
      <PageHeader
        title="New benefit"
        description="A measurable improvement with an owner, a KPI, a baseline, a target and a realization profile."
      />
      <BenefitForm
        initial={initial}
        submitting={save.isPending}
        error={save.error}
        cancelTo={projectId ? `/projects/${projectId}?tab=benefits` : "/benefits"}
        onSubmit={(values) => {
          const { body, problems } = toCreateBenefitBody(values);
          if (Object.keys(problems).length > 0) return problems;
          save.mutate({ body }, { onSuccess: (b) => void navigate(`/benefits/${b.id}`) });
          return {};
        }}
      />
    </>
  );
}
