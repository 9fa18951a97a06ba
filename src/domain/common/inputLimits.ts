// Bounds on what one request can make the app parse or compare. Slack's own
// clients stay far inside them, but a request is only as small as its sender
// makes it, so each bound is applied before any work that grows with the input.

/** The longest /community text read; longer is refused before it is parsed. Slack's own limit is about 4,000. */
export const COMMAND_TEXT_MAX = 4000;

/**
 * The longest search or type-ahead query used. Nothing a person can name (a
 * community, group, organisation, zone or problem title) is longer, so a
 * longer query is cut without changing what it can match in practice.
 */
export const SEARCH_QUERY_MAX = 200;

/** A query cut to SEARCH_QUERY_MAX; anything that is not text is the empty query. */
export function boundedQuery(query: unknown): string {
  if (typeof query !== "string") return "";
  return query.length > SEARCH_QUERY_MAX ? query.slice(0, SEARCH_QUERY_MAX) : query;
}
