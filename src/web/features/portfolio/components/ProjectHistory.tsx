import { Text, Title } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageLoader } from "../../../components/PageLoader.js";
import { AuditEventList } from "../../audit/AuditEventList.js";
import { useProjectHistory } from "../../audit/audit.js";

export function ProjectHistory({ projectId }: { projectId: string }) {
  const history = useProjectHistory(projectId);
  const events = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Title order={2} size="h3" mb="sm">
        History
      </Title>
      <ErrorAlert error={history.error} title="The history could not be loaded" />
      {history.isPending ? (
        <PageLoader label="Loading history" />
      ) : events.length === 0 ? (
        <Text>No changes have been recorded yet.</Text>
      ) : (
        <AuditEventList events={events} />
      )}
      <LoadMore
        hasNextPage={history.hasNextPage}
        isFetchingNextPage={history.isFetchingNextPage}
        fetchNextPage={history.fetchNextPage}
      />
    </>
  );
}
