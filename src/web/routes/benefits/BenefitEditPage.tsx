import { Alert, Button, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/api-error.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { benefitToForm, toUpdateBenefitBody } from "../../features/benefits/benefit-form-model.js";
import { useBenefit, useSaveBenefit } from "../../features/benefits/benefits-api.js";
import { BenefitForm } from "../../features/benefits/components/BenefitForm.js";
import type { Benefit } from "../../features/benefits/types.js";

export default function BenefitEditPage() {
  const { id = "" } = useParams();
  const loaded = useBenefit(id);
  // The version being edited: set once on load, replaced only when the person asks to reload.
  const [base, setBase] = useState<Benefit | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [nothingChanged, setNothingChanged] = useState(false);
  const save = useSaveBenefit();
  const navigate = useNavigate();

  useEffect(() => {
    if (!base && loaded.data) setBase(loaded.data);
  }, [base, loaded.data]);

  const benefit = base ?? loaded.data;
  if (loaded.isPending) return <PageLoader label="Loading benefit" />;
  if (!benefit) {
    return (
      <>
        <PageHeader title="Edit benefit" />
        <ErrorAlert error={loaded.error} title="The benefit could not be loaded" />
      </>
    );
  }

  const conflict = isApiError(save.error) && save.error.isConflict ? save.error : null;
  const reloadCurrent = async () => {
    const current = (await loaded.refetch()).data;
    if (!current) return;
    setBase(current);
    setFormKey((k) => k + 1);
    save.reset();
  };

  const banner = conflict ? (
    <Alert color="orange" variant="light" title="Someone else changed this benefit" role="alert">
      <Text size="sm" mb="sm">
        {conflict.detail} Reload the current version, then make your changes again.
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
      <PageHeader title="Edit benefit" description={`${benefit.code} · ${benefit.title}`} />
      <BenefitForm
        key={`${benefit.id}-${formKey}`}
        initial={benefitToForm(benefit)}
        isEdit
        storedProfile={benefit.profile}
        submitting={save.isPending}
        error={save.error}
        cancelTo={`/benefits/${benefit.id}`}
        banner={banner}
        onSubmit={(values) => {
          const { body, problems, changed } = toUpdateBenefitBody(values, benefit);
          if (Object.keys(problems).length > 0) return problems;
          setNothingChanged(changed === 0);
          if (changed === 0) return {};
          save.mutate({ id: benefit.id, body }, { onSuccess: (b) => void navigate(`/benefits/${b.id}`) });
          return {};
        }}
      />
    </>
  );
}
