/**
 * ETag revalidation for servers, where `fetch` has no HTTP cache: the last answer of each
 * URL is kept with its ETag, sent back as `If-None-Match`, and a 304 is turned into a 200
 * with the kept body, so openapi-fetch (and your code) sees data, never an empty 304.
 * Each call parses the kept text anew: callers may change what they get.
 */
import type { Middleware } from "openapi-fetch";

export interface CachedAnswer {
  etag: string;
  body: string;
  headers: [string, string][];
}

/** URL → last answer, least recently used first, at most `maxEntries`. */
export class EtagCache {
  readonly maxEntries: number;
  readonly #entries = new Map<string, CachedAnswer>();

  constructor(maxEntries = 500) {
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(url: string): CachedAnswer | undefined {
    const entry = this.#entries.get(url);
    if (entry !== undefined) {
      this.#entries.delete(url);
      this.#entries.set(url, entry);
    }
    return entry;
  }

  set(url: string, entry: CachedAnswer): void {
    this.#entries.delete(url);
    this.#entries.set(url, entry);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  delete(url: string): void {
    this.#entries.delete(url);
  }

  clear(): void {
    this.#entries.clear();
  }
}

// Headers that describe the kept body, not the 304 (whose own headers win otherwise).
const BODY_HEADERS = new Set(["content-type", "content-language"]);

/** The openapi-fetch middleware that revalidates GETs through `cache`. */
export function etagMiddleware(cache: EtagCache): Middleware {
  return {
    onRequest({ request }) {
      if (request.method !== "GET" || request.headers.has("If-None-Match")) return undefined;
      const entry = cache.get(request.url);
      if (entry === undefined) return undefined;
      const headers = new Headers(request.headers);
      headers.set("If-None-Match", entry.etag);
      return new Request(request, { headers });
    },
    async onResponse({ request, response }) {
      if (request.method !== "GET") return undefined;
      if (response.status === 304) {
        const entry = cache.get(request.url);
        if (entry === undefined) return undefined;
        const headers = new Headers(entry.headers);
        response.headers.forEach((value, name) => {
          if (!BODY_HEADERS.has(name)) headers.set(name, value);
        });
        headers.delete("Content-Length");
        return new Response(entry.body, { status: 200, statusText: "OK", headers });
      }
      const etag = response.headers.get("ETag");
      const noStore = /\bno-store\b/.test(response.headers.get("Cache-Control") ?? "");
      if (response.ok && etag !== null && !noStore) {
        const body = await response.clone().text();
        const headers: [string, string][] = [];
        response.headers.forEach((value, name) => headers.push([name, value]));
        cache.set(request.url, { etag, body, headers });
      } else if (response.status === 404 || response.status === 410) {
        cache.delete(request.url);
      }
      return undefined;
    },
  };
}
