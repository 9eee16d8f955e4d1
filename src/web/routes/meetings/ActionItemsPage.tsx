import { Group, MultiSelect, Paper, Switch, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from "../../../domain/meetings/meeting-rules.js";
import { isApiError } from "../../api/api-error.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useSignedInMe } from "../../features/identity/session.js";
import { useActionItems, useUpdateActionItem } from "../../features/meetings/action-items.js";
import { ActionItemsTable } from "../../features/meetings/components/ActionItemsTable.js";
import { listParam, useUrlFilters } from "../../features/meetings/use-url-filters.js";

type Filters = { mine: boolean; overdue: boolean; status: ActionStatus[] };

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));

function parse(params: URLSearchParams): Filters {
  const status = params.get("status");
  return {
    mine: params.get("mine") === "true",
    overdue: params.get("overdue") === "true",
    // Open items by default; "status=" (empty) means any status.
    status: status === null ? ["open"] : listParam<ActionStatus>(status, ACTION_STATUSES),
  };
}

function serialize(f: Filters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.mine) out.set("mine", "true");
  if (f.overdue) out.set("overdue", "true");
  if (!(f.status.length === 1 && f.status[0] === "open")) out.set("status", f.status.join(","));
  return out;
}

/** Action items across meetings, soonest due first; owners mark their own done. */
export default function ActionItemsPage() {
  const me = useSignedInMe();
  const [filters, setUrlFilters] = useUrlFilters(parse, serialize);
  const list = useActionItems({
    ownerId: filters.mine ? me.user.id : undefined,
    overdue: filters.overdue || undefined,
    status: filters.status,
  });
  const update = useUpdateActionItem();
  const [notice, setNotice] = useState("");
  const countRef = useRef<HTMLParagraphElement>(null);
  const setFilters = (patch: Partial<Filters>) => {
    setNotice("");
    setUrlFilters(patch);
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const overdueCount = items.filter((a) => a.overdue).length;

  return (
    <>
      <PageHeader title="Action items" description="What steering meetings asked people to do, and by when." />
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <MultiSelect
          label="Status"
          placeholder={filters.status.length ? undefined : "Any status"}
          data={STATUS_OPTIONS}
          value={filters.status}
          onChange={(v) => setFilters({ status: v as ActionStatus[] })}
          clearable
          w={{ base: "100%", xs: 240 }}
        />
        <Switch
          label="Only mine"
          checked={filters.mine}
          onChange={(e) => setFilters({ mine: e.currentTarget.checked })}
          mb={8}
        />
        <Switch
          label="Only overdue"
          checked={filters.overdue}
          onChange={(e) => setFilters({ overdue: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      <Text size="sm" mb="xs" role="status" aria-live="polite" ref={countRef} tabIndex={-1} style={{ outline: "none" }}>
        {list.isPending
          ? "\u00a0"
          : `${items.length}${list.hasNextPage ? "+" : ""} action item${items.length === 1 ? "" : "s"}${
              overdueCount > 0 ? ` · ${overdueCount} overdue` : ""
            }`}
        {notice ? ` · ${notice}` : ""}
      </Text>
      <ErrorAlert error={list.error} title="Action items could not be loaded" />
      <ErrorAlert
        error={update.error}
        title={
          isApiError(update.error) && update.error.isConflict
            ? "Someone else changed this action item; the list now shows the current version"
            : "The action item was not changed"
        }
      />
      {list.isPending ? (
        <PageLoader label="Loading action items" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No action items match these filters.</Text>
        </Paper>
      ) : (
        <ActionItemsTable
          items={items}
          label="Action items"
          pendingId={update.isPending ? update.variables?.id : null}
          onStatusChange={(a, status) =>
            update.mutate(
              { id: a.id, version: a.version, status },
              {
                onSuccess: () => {
                  setNotice(`“${a.title}” is now ${ACTION_STATUS_LABELS[status].toLowerCase()}.`);
                  // The filters hide the item now: keep the keyboard's place on the list's summary.
                  const leaves =
                    (filters.status.length > 0 && !filters.status.includes(status)) ||
                    (filters.overdue && status !== "open");
                  if (leaves) countRef.current?.focus();
                },
              },
            )
          }
        />
      )}
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
    </>
  );
}
