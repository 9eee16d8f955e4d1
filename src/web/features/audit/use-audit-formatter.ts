import type { AuditEvent } from "../../api/types.js";
import { formatHours, humanize } from "../../components/format.js";
import { useMoney } from "../../components/use-money.js";
import { useUsers } from "../identity/users.js";
import { usePortfolios, usePrograms } from "../portfolio/portfolios.js";
import { useCategories } from "../portfolio/reference.js";

export type AuditFormatter = {
  /** "sponsorId" → "Sponsor", "plannedStart" → "Planned start". */
  label: (field: string) => string;
  /** A recorded value as a person reads it: names instead of ids, money, line counts. */
  value: (field: string, value: unknown) => string;
  /** What the event is about, by name where the name is known. */
  entity: (event: AuditEvent) => string;
};

function isLineArray(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null);
}

/** Turns the raw values of audit changes into readable text, using reference data already cached. */
export function useAuditFormatter(): AuditFormatter {
  const users = useUsers();
  const portfolios = usePortfolios("include");
  const programs = usePrograms(undefined, "include");
  const categories = useCategories();
  const money = useMoney();

  const names = new Map<string, string>();
  for (const u of users.data?.items ?? []) names.set(u.id, u.name || u.email);
  for (const p of portfolios.data?.items ?? []) names.set(p.id, p.name);
  for (const p of programs.data?.items ?? []) names.set(p.id, p.name);

  const label = (field: string) =>
    humanize(
      field
        .replace(/Id$/, "")
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toLowerCase(),
    );

  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "string") {
      if (field.endsWith("Id")) return names.get(v) ?? v;
      if (field === "category") return categories.data?.items.find((c) => c.key === v)?.name ?? v;
      if (field === "status" || field === "lifecycleStage" || field === "role") return humanize(v);
      return v;
    }
    if (typeof v === "number" || typeof v === "boolean") {
      if (field.endsWith("Cents") && typeof v === "number") return money.format(v);
      return typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return "none";
      const lines = `${v.length} line${v.length === 1 ? "" : "s"}`;
      if (isLineArray(v) && field === "budget") {
        const total = v.reduce((s, l) => s + (typeof l.amountCents === "number" ? l.amountCents : 0), 0);
        return `${lines}, ${money.format(total)}`;
      }
      if (isLineArray(v) && field === "demand") {
        const hours = v.reduce((s, l) => s + (typeof l.hours === "number" ? l.hours : 0), 0);
        return `${lines}, ${formatHours(hours)} hours`;
      }
      if (field === "team") return `${v.length} member${v.length === 1 ? "" : "s"}`;
      return `${v.length} item${v.length === 1 ? "" : "s"}`;
    }
    return JSON.stringify(v);
  };
  const entity = (e: AuditEvent): string => {
    const known = names.get(e.entityId);
    if (known) return known;
    const text = (field: string) => {
      const change = e.changes[field];
      const v = change?.after ?? change?.before;
      return typeof v === "string" ? v : undefined;
    };
    const code = text("code");
    const name = text("name");
    if (code || name) return [code, name].filter(Boolean).join(" · ");
    return `${humanize(e.entityType)} ${e.entityId.slice(0, 8)}`;
  };
  return { label, value, entity };
}
