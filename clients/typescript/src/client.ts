/**
 * What a frontend needs from the delivery API, on openapi-fetch and the generated types:
 * one method per endpoint, defaults for locale and fallback, ETag revalidation, paging and
 * preview. Built on the document's paths, not its operationIds, which may be renamed.
 * Every method resolves to the answer's data or throws {@link ApiError} / {@link ApiProblem}.
 */
import createFetchClient, { type Client } from "openapi-fetch";

import { EtagCache, etagMiddleware } from "./etag-cache.js";
import { paginate } from "./paging.js";
import { errorFor } from "./problem.js";
import type { paths } from "./schema.js";

/** Where the exported document (docs/reference/openapi.json) has the API mounted. */
export const DOCUMENT_MOUNT = "/api/network/";

type Get<P extends keyof paths> = paths[P]["get"];
type Params<P extends keyof paths> = Get<P> extends { parameters: infer A } ? A : never;
/** The query parameters of the GET at path `P`, as the document types them. */
export type QueryOf<P extends keyof paths> = Params<P> extends { query?: infer Q }
  ? NonNullable<Q>
  : never;
type PathParamsOf<P extends keyof paths> = Params<P> extends { path: infer A } ? A : never;

/** A language code (`sv`, `en`). */
export type Locale = NonNullable<QueryOf<"/api/network/pages/">["locale"]>;
/** The locale served where there is no translation, or `none`. */
export type Fallback = NonNullable<QueryOf<"/api/network/pages/">["fallback"]>;
export type PageQuery = QueryOf<"/api/network/pages/">;
export type NavigationQuery = QueryOf<"/api/network/navigation/">;
export type FrameworkQuery = QueryOf<"/api/network/frameworks/">;
export type GoalQuery = QueryOf<"/api/network/goals/">;
export type OrganisationQuery = QueryOf<"/api/network/organisations/">;
/** `framework`, `goal`, `organisation` or `contact_sidebar`. */
export type SnippetType = PathParamsOf<"/api/network/preview/{snippet_type}/{object_id}/">["snippet_type"];

/** `null` asks for the API's own default rather than the client's. */
interface Language {
  locale?: Locale | null;
  fallback?: Fallback | null;
}

export interface ClientOptions {
  /** The API's address, e.g. `https://cms.example.org/api/network/`. */
  baseUrl: string | URL;
  /** The locale of calls that do not name one; the API's default is Swedish. */
  locale?: Locale;
  /**
   * The fallback of calls that do not name one, e.g. `"sv"`: English requests then get
   * the Swedish page where there is no English one. `"none"` turns the API's own off.
   */
  fallback?: Fallback;
  /**
   * Revalidate with If-None-Match: a cache of your own (to share or clear it), `true` for
   * a new one (the default) or `false`. In a browser the HTTP cache does this already, and
   * from another origin the header needs CORS: pass `false` there.
   */
  etagCache?: EtagCache | boolean;
  /** Another fetch, e.g. one that logs or times requests. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer, or the error it is. */
async function unwrap<D>(call: Promise<Answer<D>>): Promise<NonNullable<D>> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined || data === null) throw errorFor(response, error);
  return data as NonNullable<D>;
}

/** A browser path (`location.pathname`, percent-encoded or not) as the API wants it. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Drops `undefined` so that defaults do not overwrite, and keys keep their order. */
function defined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}

export function createClient(options: ClientOptions) {
  const api = new URL(options.baseUrl);
  const mount = api.pathname.endsWith("/") ? api.pathname : `${api.pathname}/`;
  const raw: Client<paths> = createFetchClient<paths>({
    baseUrl: api.origin,
    headers: { Accept: "application/json, application/problem+json", ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (mount !== DOCUMENT_MOUNT) {
    // Mounted elsewhere than on the example site: move the document's paths there.
    raw.use({
      onRequest({ request }) {
        const url = new URL(request.url);
        url.pathname = mount + url.pathname.slice(DOCUMENT_MOUNT.length);
        return new Request(url, request);
      },
    });
  }
  const cache =
    options.etagCache instanceof EtagCache
      ? options.etagCache
      : options.etagCache === false
        ? undefined
        : new EtagCache();
  if (cache !== undefined) raw.use(etagMiddleware(cache));

  /** The client's locale and fallback under the call's own. */
  const language = <Q extends Language>(query: Q): Q => ({
    ...defined({ locale: options.locale, fallback: options.fallback }),
    ...defined(query),
  });
  /** The client's locale under the call's own, for the endpoints without fallback. */
  const localeOnly = <Q extends { locale?: Locale | null }>(query: Q): Q => ({
    ...defined({ locale: options.locale }),
    ...defined(query),
  });

  const client = {
    /** The openapi-fetch client underneath, with the same middleware. */
    raw,
    /** The ETag cache, if revalidation is on. */
    cache,

    /**
     * The page at a path with its locale prefix (`/en/news/`), whatever its type: what a
     * frontend asks for the browser's path. The locale comes from the path.
     */
    findPage(path: string, query: { fallback?: Fallback } = {}) {
      const fallback = query.fallback ?? options.fallback;
      return unwrap(
        raw.GET("/api/network/pages/find/", {
          params: { query: { path: decodedPath(path), ...defined({ fallback }) } },
        }),
      );
    },

    /** A page by id (of any of its translations), in `locale`. */
    getPage(id: number, query: Language = {}) {
      return unwrap(
        raw.GET("/api/network/pages/{page_id}/", {
          params: { path: { page_id: id }, query: language(query) },
        }),
      );
    },

    /** One page of a list: `count` in all, `items` from `offset`, at most `limit`. */
    listPages(query: PageQuery = {}) {
      return unwrap(raw.GET("/api/network/pages/", { params: { query: language(query) } }));
    },

    /**
     * Every item of a list, fetched `limit` at a time (default 100, the API's most) from
     * `offset`: `for await (const page of client.allPages({ type: "news" }))`.
     */
    allPages(query: PageQuery = {}) {
      return paginate(
        (offset, limit) => client.listPages({ ...query, offset, limit }),
        { offset: query.offset ?? 0, limit: query.limit ?? 100 },
      );
    },

    /** The root page and the menu pages under it, `depth` levels deep. */
    navigation(query: NavigationQuery = {}) {
      return unwrap(
        raw.GET("/api/network/navigation/", { params: { query: language(query) } }),
      );
    },

    /** The goal frameworks (Agenda 2030, …) with their goals. */
    frameworks(query: FrameworkQuery = {}) {
      return unwrap(
        raw.GET("/api/network/frameworks/", { params: { query: localeOnly(query) } }),
      );
    },

    /** The goals, of one framework (its slug) or all. */
    goals(query: GoalQuery = {}) {
      return unwrap(raw.GET("/api/network/goals/", { params: { query: localeOnly(query) } }));
    },

    /** The organisations, of one kind or all. */
    organisations(query: OrganisationQuery = {}) {
      return unwrap(
        raw.GET("/api/network/organisations/", { params: { query: localeOnly(query) } }),
      );
    },

    contactSidebar(id: number, query: Language = {}) {
      return unwrap(
        raw.GET("/api/network/contact-sidebars/{sidebar_id}/", {
          params: { path: { sidebar_id: id }, query: language(query) },
        }),
      );
    },

    /** A page's draft, in the shape of its detail, for a preview token. Never cached. */
    previewPage(id: number, token: string) {
      return unwrap(
        raw.GET("/api/network/preview/pages/{page_id}/", {
          params: { path: { page_id: id }, query: { token } },
        }),
      );
    },

    /** A snippet's draft, `{ meta, item }`, for a preview token. Never cached. */
    previewSnippet(type: SnippetType, id: number, token: string) {
      return unwrap(
        raw.GET("/api/network/preview/{snippet_type}/{object_id}/", {
          params: { path: { snippet_type: type, object_id: id }, query: { token } },
        }),
      );
    },

    /**
     * The draft behind the address Wagtail's preview panel loads (your `FRONTEND_URL` with
     * `token` and `api` added), or `null` when the address has no preview.
     */
    async preview(panelUrl: string | URL) {
      const params = new URL(panelUrl, "http://frontend.invalid").searchParams;
      const token = params.get("token");
      const path = params.get("api");
      if (!token || !path) return null;
      const page = /\/preview\/pages\/(\d+)\/$/.exec(path);
      if (page) {
        return { kind: "page" as const, data: await client.previewPage(Number(page[1]), token) };
      }
      const snippet = /\/preview\/([a-z_]+)\/(\d+)\/$/.exec(path);
      if (snippet) {
        const [, type, id] = snippet as unknown as [string, SnippetType, string];
        const data = await client.previewSnippet(type, Number(id), token);
        return { kind: "snippet" as const, data };
      }
      return null;
    },
  };
  return client;
}

export type KommunnatverkClient = ReturnType<typeof createClient>;
