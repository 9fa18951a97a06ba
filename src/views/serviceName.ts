// A community whose name is its service (the guidance's own example, "Starting
// a business") is not named twice: views leave the service out beside the name.
import type { CommunityRecord } from "../domain/ports";

/**
 * Whether a community's service is its name ("Starting a business", as in the
 * guidance's own example, or "Starting a business community"): then the
 * service is not said again beside the name.
 */
export function serviceIsName(community: Pick<CommunityRecord, "name" | "service">): boolean {
  const plainName = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/ (service )?community$/, "");
  return plainName(community.name) === plainName(community.service);
}
