/** What the ballot endpoint (cast-endpoint.server.ts) answers, as JSON. */
export type CastAnswer = { ok: true; receipt: string } | { ok: false; code: string; message: string };

/** The address the ballot page's "Cast my vote" sends to when JavaScript runs. */
export const castEndpointPath = (pollId: string) => `/polls/${pollId}/ballot`;
