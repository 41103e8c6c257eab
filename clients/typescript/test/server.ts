/**
 * The example site the tests read (scripts/test-client.sh serves it and says where), and
 * a fetch that records what went over the wire, before the client's middleware turns a
 * 304 into cached data.
 */
import { readFileSync } from "node:fs";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with scripts/test-client.sh`);
  return value;
}

/** The API's address, e.g. http://127.0.0.1:PORT/api/network/. */
export const API = required("KOMMUNNATVERK_API");

/** What test/fixture.py made on top of the demo content. */
export const fixture = JSON.parse(readFileSync(required("KOMMUNNATVERK_FIXTURE"), "utf8")) as {
  untranslated: { id: number; offline_id: number };
  preview_page: { id: number; title: string; token: string };
  preview_page_en: { id: number; title: string; token: string };
  preview_sidebar: { id: number; title: string; token: string };
};

export interface Exchange {
  url: URL;
  ifNoneMatch: string | null;
  status: number;
}

/** A fetch for `createClient({ fetch })` and the exchanges it made. */
export function recorder() {
  const exchanges: Exchange[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await globalThis.fetch(request);
    exchanges.push({
      url: new URL(request.url),
      ifNoneMatch: request.headers.get("If-None-Match"),
      status: response.status,
    });
    return response;
  };
  return { fetch, exchanges };
}

/** Runs `call`, which must fail, and gives back what it threw. */
export async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}
