import { Button, Group, MultiSelect, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import {
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
  MEETING_TYPES,
  type MeetingStatus,
  type MeetingType,
} from "../../../domain/meetings/meeting-rules.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { MEETING_TYPE_OPTIONS, MeetingFormModal } from "../../features/meetings/components/MeetingFormModal.js";
import { MeetingsTable } from "../../features/meetings/components/MeetingsTable.js";
import { type MeetingFilters, type MeetingWhen, useMeetingList } from "../../features/meetings/meetings.js";
import { listParam, useUrlFilters } from "../../features/meetings/use-url-filters.js";

const WHEN_OPTIONS: { value: MeetingWhen; label: string }[] = [
  { value: "upcoming", label: "Upcoming" },
  { value: "past", label: "Past" },
  { value: "all", label: "All" },
];
const STATUS_OPTIONS = MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }));

function parse(params: URLSearchParams): MeetingFilters {
  const when = params.get("when");
  return {
    when: when === "past" || when === "all" ? when : "upcoming",
    type: listParam<MeetingType>(params.get("type"), MEETING_TYPES),
    status: listParam<MeetingStatus>(params.get("status"), MEETING_STATUSES),
  };
}

function serialize(f: MeetingFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.when !== "upcoming") out.set("when", f.when);
  if (f.type.length) out.set("type", f.type.join(","));
  if (f.status.length) out.set("status", f.status.join(","));
  return out;
}

const EMPTY: Record<MeetingWhen, string> = {
  upcoming: "No upcoming meetings match these filters.",
  past: "No past meetings match these filters.",
  all: "No meetings match these filters.",
};

/** Steering meetings: upcoming ones soonest first, past ones newest first. */
export default function MeetingsPage() {
  const [filters, setFilters] = useUrlFilters(parse, serialize);
  const list = useMeetingList(filters);
  const mayWrite = useCan("meeting.write");
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const meetings = list.data?.pages.flatMap((p) => p.items) ?? [];
  const whenLabel = WHEN_OPTIONS.find((o) => o.value === filters.when)?.label ?? "";

  return (
    <>
      <PageHeader
        title="Meetings"
        description="Portfolio reviews, steering committees and stage-gate reviews, with their decisions and actions."
        actions={
          <>
            <Button component={Link} to="/decisions" variant="default">
              Decision log
            </Button>
            <Button component={Link} to="/actions" variant="default">
              Action items
            </Button>
            {mayWrite ? <Button onClick={() => setCreating(true)}>New meeting</Button> : null}
          </>
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="meetings-when-label">
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="meetings-when-label"
            data={WHEN_OPTIONS}
            value={filters.when}
            onChange={(v) => setFilters({ when: v as MeetingWhen })}
          />
        </Stack>
        <MultiSelect
          label="Type"
          placeholder={filters.type.length ? undefined : "Any type"}
          data={MEETING_TYPE_OPTIONS}
          value={filters.type}
          onChange={(v) => setFilters({ type: v as MeetingType[] })}
          clearable
          w={{ base: "100%", xs: 260 }}
        />
        <MultiSelect
          label="Status"
          placeholder={filters.status.length ? undefined : "Any status"}
          data={STATUS_OPTIONS}
          value={filters.status}
          onChange={(v) => setFilters({ status: v as MeetingStatus[] })}
          clearable
          w={{ base: "100%", xs: 220 }}
        />
      </Group>
      <Text size="sm" mb="xs" role="status" aria-live="polite">
        {list.isPending
          ? "\u00a0"
          : `${meetings.length}${list.hasNextPage ? "+" : ""} ${filters.when === "all" ? "" : `${whenLabel.toLowerCase()} `}meeting${meetings.length === 1 ? "" : "s"}`}
      </Text>
      <ErrorAlert error={list.error} title="Meetings could not be loaded" />
      {list.isPending ? (
        <PageLoader label="Loading meetings" />
      ) : meetings.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>{EMPTY[filters.when]}</Text>
        </Paper>
      ) : (
        <MeetingsTable meetings={meetings} label={`${whenLabel} meetings`} />
      )}
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
      <MeetingFormModal
        opened={creating}
        meeting={null}
        onClose={() => setCreating(false)}
        onSaved={(m) => void navigate(`/meetings/${m.id}`)}
      />
    </>
  );
}
