import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeetingStatus, MeetingType } from "../../../domain/meetings/meeting-rules.js";
import { api, apiUrl } from "../../api/client.js";
import type {
  CreateAgendaItemBody,
  CreateMeetingBody,
  Meeting,
  MeetingPage,
  MeetingSummary,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from "./meeting-types.js";

export const MEETINGS_KEY = ["meetings"] as const;

export type MeetingWhen = "upcoming" | "past" | "all";
export type MeetingFilters = { when: MeetingWhen; type: MeetingType[]; status: MeetingStatus[] };

const PAGE_SIZE = 50;
/** Upcoming meetings are read in full (to show them soonest first); this caps a runaway calendar. */
const UPCOMING_CAP = 1000;

/**
 * Meetings for the list. The API lists newest first, in pages. Past and all meetings page naturally;
 * upcoming ones are read to the end and turned around, so the next meeting comes first.
 * "Upcoming" means not yet over (ends now or later), "past" means over.
 */
export function useMeetingList(filters: MeetingFilters) {
  const { when, type, status } = filters;
  // `from` and `to` are whole UTC days; a meeting lasts at most a day, so one that is still on started
  // yesterday (UTC) at the earliest. The exact split by end time is made here.
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
  const base = {
    type,
    status,
    from: when === "upcoming" ? yesterday : undefined,
    to: when === "past" ? today : undefined,
  };
  return useInfiniteQuery({
    queryKey: [...MEETINGS_KEY, "list", filters],
    queryFn: async ({ pageParam, signal }) => {
      if (when !== "upcoming") {
        const page = await api.get<MeetingPage>("/meetings", { ...base, limit: PAGE_SIZE, cursor: pageParam }, signal);
        return when === "past" ? { ...page, items: page.items.filter((m) => Date.parse(m.endsAt) < now) } : page;
      }
      const items: MeetingSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<MeetingPage>("/meetings", { ...base, limit: 500, cursor }, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < UPCOMING_CAP);
      return { items: items.filter((m) => Date.parse(m.endsAt) >= now).reverse(), nextCursor: null };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function meetingKey(id: string) {
  return [...MEETINGS_KEY, "one", id] as const;
}

export function useMeeting(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: ({ signal }) => api.get<Meeting>(`/meetings/${id}`, undefined, signal),
    enabled: options.enabled ?? true,
  });
}

export function minutesUrl(id: string): string {
  return apiUrl(`/meetings/${id}/minutes.md`);
}

export function inviteUrl(id: string): string {
  return apiUrl(`/meetings/${id}/invite.ics`);
}

/** After a write that returns the meeting: cache it, and let the lists catch up. */
function useStoreMeeting() {
  const queryClient = useQueryClient();
  return (meeting: Meeting) => {
    queryClient.setQueryData(meetingKey(meeting.id), meeting);
    void queryClient.invalidateQueries({ queryKey: [...MEETINGS_KEY, "list"] });
  };
}

export function useCreateMeeting() {
  const store = useStoreMeeting();
  return useMutation({
    mutationFn: (body: CreateMeetingBody) => api.post<Meeting>("/meetings", body),
    onSuccess: store,
  });
}

/**
 * Writes to one meeting run one at a time (a shared mutation scope). A change that names no
 * version uses the version on screen when it runs, which is the one the previous write returned;
 * so quick successive clicks do not trip over each other, while someone else's change still
 * comes back as a 409.
 */
function useMeetingWrite<V>(meetingId: string, send: (meeting: Meeting, change: V) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  const store = useStoreMeeting();
  return useMutation({
    scope: { id: `meeting:${meetingId}` },
    mutationFn: async (change: V) => {
      const current = queryClient.getQueryData<Meeting>(meetingKey(meetingId));
      if (!current) throw new Error("The meeting is not loaded");
      return send(current, change);
    },
    onSuccess: store,
  });
}

export type MeetingChange = Omit<UpdateMeetingInput, "version"> & { version?: number };

export function useUpdateMeeting(id: string) {
  return useMeetingWrite(id, (current, change: MeetingChange) =>
    api.patch<Meeting>(`/meetings/${id}`, { ...change, version: change.version ?? current.version }),
  );
}

export function useAddAgendaItem(meetingId: string) {
  return useMeetingWrite(meetingId, (_current, body: CreateAgendaItemBody) =>
    api.post<Meeting>(`/meetings/${meetingId}/agenda-items`, body),
  );
}

export type AgendaItemChange = Omit<UpdateAgendaItemInput, "version"> & { itemId: string; version?: number };

export function useUpdateAgendaItem(meetingId: string) {
  return useMeetingWrite(meetingId, (current, { itemId, version, ...body }: AgendaItemChange) =>
    api.patch<Meeting>(`/meetings/${meetingId}/agenda-items/${itemId}`, {
      ...body,
      version: version ?? current.version,
    }),
  );
}

export function useRemoveAgendaItem(meetingId: string) {
  return useMeetingWrite(meetingId, (current, { itemId, version }: { itemId: string; version?: number }) =>
    api.delete<Meeting>(`/meetings/${meetingId}/agenda-items/${itemId}?version=${version ?? current.version}`),
  );
}
