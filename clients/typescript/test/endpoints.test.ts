/**
 * Every path of docs/reference/openapi.json through the client, in Swedish and in English:
 * the test fails when the document gains an endpoint the client has no method for.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import type { Middleware } from "openapi-fetch";

import { ApiError, createClient } from "../src/index.js";
import { API, failure, fixture, recorder } from "./server.js";

const documentPath = new URL("../../../../docs/reference/openapi.json", import.meta.url);
const document = JSON.parse(readFileSync(documentPath, "utf8")) as {
  paths: Record<string, Record<string, unknown>>;
};

interface Answer {
  locale?: string;
  meta?: { locale?: string; fallback?: boolean };
  items?: Answer[];
}

describe("every endpoint", () => {
  it("has a method, answered in both languages", async () => {
    const called = new Map<string, Set<string>>();
    const client = createClient({ baseUrl: API, fallback: "sv" });
    const record: Middleware = {
      async onResponse({ schemaPath, response }) {
        const body = (await response.clone().json()) as Answer;
        const item = body.items?.find((entry) => !entry.meta?.fallback);
        const locale = body.meta?.locale ?? body.locale ?? item?.meta?.locale ?? item?.locale;
        const seen = called.get(schemaPath) ?? new Set<string>();
        seen.add(locale ?? `no locale in a ${response.status}`);
        called.set(schemaPath, seen);
        return undefined;
      },
    };
    client.raw.use(record);

    const snippetDraft = fixture.preview_sidebar;
    for (const locale of ["sv", "en"] as const) {
      const page = await client.findPage(locale === "sv" ? "/" : "/en/");
      assert.equal(page.meta.locale, locale);
      assert.equal((await client.getPage(page.id, { locale })).id, page.id);
      assert.ok((await client.listPages({ locale })).count > 0);
      assert.equal((await client.navigation({ locale })).locale, locale);
      const frameworks = await client.frameworks({ locale });
      assert.ok(frameworks.items.every((framework) => framework.locale === locale));
      assert.ok((await client.goals({ locale })).items.every((goal) => goal.locale === locale));
      const organisations = await client.organisations({ locale });
      assert.ok(organisations.items.every((organisation) => organisation.locale === locale));
      const sidebar = await client.contactSidebar(snippetDraft.id, { locale });
      assert.equal(sidebar.locale, locale);
    }
    for (const { id, token, title } of [fixture.preview_page, fixture.preview_page_en]) {
      assert.equal((await client.previewPage(id, token)).title, title);
    }
    await client.previewSnippet("contact_sidebar", snippetDraft.id, snippetDraft.token);

    const expected = Object.keys(document.paths).sort();
    assert.deepEqual([...called.keys()].sort(), expected);
    for (const [path, locales] of called) {
      if (path.includes("/preview/{snippet_type}/")) continue; // the fixture's is Swedish
      assert.deepEqual([...locales].sort(), ["en", "sv"], path);
    }
    for (const path of expected) {
      assert.ok("get" in (document.paths[path] ?? {}), `${path} has no GET`);
    }
  });

  it("sends its errors as application/problem+json", async () => {
    const { fetch } = recorder();
    let contentType = "";
    const client = createClient({ baseUrl: API, fetch });
    client.raw.use({
      onResponse({ response }) {
        contentType = response.headers.get("Content-Type") ?? "";
        return undefined;
      },
    });
    await failure(() => client.listPages({ limit: 101 }));
    assert.match(contentType, /^application\/problem\+json/);
  });
});

describe("where the API is mounted", () => {
  it("takes the API's address with or without its trailing slash", async () => {
    const client = createClient({ baseUrl: API.replace(/\/$/, "") });
    assert.equal((await client.navigation()).locale, "sv");
  });

  it("moves the document's paths to another mount", async () => {
    const { fetch, exchanges } = recorder();
    const elsewhere = new URL("/api/nowhere/", API);
    const client = createClient({ baseUrl: elsewhere, fetch });
    const error = await failure(() => client.navigation());
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal(exchanges[0]?.url.pathname, "/api/nowhere/navigation/");
  });
});
