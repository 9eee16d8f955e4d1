import { Group, MultiSelect, Paper, Select, Text } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCorrectiveActions, useRecommendations } from "../../features/benefits/benefits-api.js";
import { type ActionSource, RaiseActionModal } from "../../features/benefits/components/RaiseActionModal.js";
import { RecommendationList } from "../../features/benefits/components/RecommendationList.js";
import { SEVERITY } from "../../features/benefits/labels.js";
import { useCan } from "../../features/identity/session.js";
import { listParam } from "../../features/meetings/use-url-filters.js";
import { usePortfolios } from "../../features/portfolio/portfolios.js";

const SEVERITIES = ["critical", "warning", "info"] as const;

/** The recommendations inbox: what the rules advise across the register, worst first. */
export default function RecommendationsPage() {
  const [params, setParams] = useSearchParams();
  const severity = listParam(params.get("severity"), SEVERITIES);
  const portfolioId = params.get("portfolioId") ?? undefined;
  const list = useRecommendations({ severity, portfolioId });
  const actions = useCorrectiveActions({ status: ["open", "in_progress"] });
  const portfolios = usePortfolios("include");
  const mayRaise = useCan("corrective_action.write");
  const [raising, setRaising] = useState<ActionSource | null>(null);
  const actionTitles = new Map((actions.data?.items ?? []).map((a) => [a.id, a.title]));
  const items = (list.data?.items ?? []).map((r) => ({
    ...r,
    openAction: r.openActionId ? { id: r.openActionId, title: actionTitles.get(r.openActionId) ?? "see action" } : null,
  }));

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="Recommendations"
        description="What the benefits rules advise: missing owners and measures, overdue measurements, shortfalls beyond tolerance, unlikely targets, early realization and troubled enabling projects."
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <MultiSelect
          label="Severity"
          placeholder={severity.length ? undefined : "Any severity"}
          data={SEVERITIES.map((s) => ({ value: s, label: SEVERITY[s].label }))}
          value={severity}
          onChange={(v) => setParam("severity", v.join(",") || null)}
          clearable
          w={{ base: "100%", xs: 260 }}
        />
        <Select
          label="Portfolio"
          placeholder="Every portfolio"
          searchable
          clearable
          data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={portfolioId ?? null}
          onChange={(v) => setParam("portfolioId", v)}
          w={{ base: "100%", xs: 240 }}
        />
        <Text size="sm" role="status" mb={8}>
          {list.data ? `${items.length} recommendation${items.length === 1 ? "" : "s"}` : ""}
        </Text>
      </Group>
      <ErrorAlert error={list.error} title="Recommendations could not be loaded" />
      {list.isPending ? (
        <PageLoader label="Loading recommendations" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>Nothing to act on{severity.length ? " at this severity" : ""}.</Text>
        </Paper>
      ) : (
        <RecommendationList
          items={items}
          mayRaise={mayRaise}
          showBenefit
          label="Recommendations inbox"
          onRaise={(r) =>
            setRaising({
              benefitId: r.benefitId,
              benefitCode: r.benefitCode ?? "",
              rule: r.rule,
              reason: r.reason,
              suggestedAction: r.suggestedAction,
              defaultOwnerId: null,
            })
          }
        />
      )}
      <RaiseActionModal source={raising} onClose={() => setRaising(null)} />
    </>
  );
}
