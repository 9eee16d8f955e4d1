import { useMe } from "../features/identity/session.js";
import { formatMoney } from "./format.js";

/** Formats cents in the organization's currency. */
export function useMoney(): { currency: string; format: (cents: number) => string } {
  const { data } = useMe();
  const currency = data?.organization.currency ?? "EUR";
  return { currency, format: (cents) => formatMoney(cents, currency) };
}
