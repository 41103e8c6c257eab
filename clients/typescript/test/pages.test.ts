/** Pages in both languages: by path, by id and in lists, with and without fallback. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ApiProblem, createClient, type Locale, type PageQuery, type PageSummary } from "../src/index.js";
import { API, failure, fixture, recorder } from "./server.js";

const client = createClient({ baseUrl: API });

async function problem(call: () => Promise<unknown>): Promise<ApiProblem> {
  const error = await failure(call);
  assert.ok(error instanceof ApiProblem, `not a problem: ${String(error)}`);
  return error;
}

describe("findPage: the page at a path with its locale prefix", () => {
  it("finds a Swedish page at its path without prefix", async () => {
    const page = await client.findPage("/nytt-i-natverket/");
    assert.equal(page.type, "news_index");
    assert.equal(page.title, "Nytt i nätverket");
    assert.equal(page.meta.locale, "sv");
    assert.equal(page.meta.url, "/nytt-i-natverket/");
  });

  it("finds an English page under /en/", async () => {
    const page = await client.findPage("/en/news/");
    assert.equal(page.type, "news_index");
    assert.equal(page.title, "News from the network");
    assert.equal(page.meta.locale, "en");
    assert.deepEqual(
      page.translations.map((translation) => [translation.locale, translation.url]),
      [
        ["sv", "/nytt-i-natverket/"],
        ["en", "/en/news/"],
      ],
    );
  });

  it("narrows the detail by type", async () => {
    const page = await client.findPage("/en/");
    assert.equal(page.type, "network");
    if (page.type !== "network") return;
    assert.equal(page.title, "The Municipal Network for Sustainable Development");
  });

  it("decodes a browser's percent-encoded path before asking", async () => {
    const error = await problem(() => client.findPage("/h%C3%B6stnyheter/"));
    assert.equal(error.status, 404);
    assert.ok(error.is("not-found"));
    assert.match(error.detail, /'\/höstnyheter\/'/);
  });

  it("falls back to the Swedish page under /en/ where there is no English one", async () => {
    const swedish = await client.getPage(fixture.untranslated.id);
    const page = await client.findPage(`/en${swedish.meta.url}`, { fallback: "sv" });
    assert.equal(page.id, fixture.untranslated.id);
    assert.equal(page.meta.locale, "sv");
    assert.equal(page.meta.fallback, true);
  });

  it("is a 404 problem for that path with fallback turned off", async () => {
    const swedish = await client.getPage(fixture.untranslated.id);
    const error = await problem(() =>
      client.findPage(`/en${swedish.meta.url}`, { fallback: "none" }),
    );
    assert.equal(error.status, 404);
    assert.equal(error.problem.status, 404);
  });

  it("is a 422 problem naming `path` without one", async () => {
    const error = await problem(() => client.findPage(""));
    assert.equal(error.status, 422);
    assert.ok(error.is("invalid-parameter"));
    assert.equal(error.invalidParams[0]?.name, "path");
  });
});

describe("getPage: a page by id in a language", () => {
  it("gives the Swedish page by default and its translation for locale=en", async () => {
    const swedish = await client.getPage(fixture.preview_page.id);
    const english = await client.getPage(fixture.preview_page.id, { locale: "en" });
    assert.equal(swedish.meta.locale, "sv");
    assert.equal(english.meta.locale, "en");
    assert.notEqual(english.id, swedish.id);
    assert.equal(english.title, "World Water Day – 22 March");
    assert.equal(english.meta.fallback, false);
  });

  it("is the problem translation-missing without fallback", async () => {
    const error = await problem(() =>
      client.getPage(fixture.untranslated.id, { locale: "en", fallback: "none" }),
    );
    assert.equal(error.status, 404);
    assert.ok(error.is("translation-missing"));
  });

  it("is a 404 not-found for an id nothing has", async () => {
    const error = await problem(() => client.getPage(999999));
    assert.equal(error.status, 404);
    assert.ok(error.is("not-found"));
    assert.ok(!error.is("translation-missing"));
  });

  it("takes the client's locale and fallback unless the call names its own", async () => {
    const english = createClient({ baseUrl: API, locale: "en", fallback: "sv" });
    const fallen = await english.getPage(fixture.untranslated.id);
    assert.equal(fallen.meta.fallback, true);
    assert.equal(fallen.meta.locale, "sv");
    const translated = await english.getPage(fixture.preview_page.id);
    assert.equal(translated.meta.locale, "en");
    const swedish = await english.getPage(fixture.preview_page.id, { locale: "sv" });
    assert.equal(swedish.meta.locale, "sv");
    const error = await problem(() =>
      english.getPage(fixture.untranslated.id, { fallback: "none" }),
    );
    assert.ok(error.is("translation-missing"));
  });
});

describe("listPages and allPages: lists, page by page", () => {
  it("lists Swedish news newest first", async () => {
    const list = await client.listPages({ type: "news" });
    assert.equal(list.count, 3);
    const dates = list.items.map((item) => (item.type === "news" ? item.date : ""));
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(list.items.every((item) => item.meta.locale === "sv"));
  });

  it("lists English news, with the untranslated one in Swedish only on fallback", async () => {
    const english = await client.listPages({ type: "news", locale: "en", fallback: "none" });
    assert.equal(english.count, 2);
    assert.ok(english.items.every((item) => item.meta.locale === "en"));
    const fallen = await client.listPages({ type: "news", locale: "en", fallback: "sv" });
    assert.equal(fallen.count, 3);
    const swedish = fallen.items.filter((item) => item.meta.fallback);
    assert.deepEqual(
      swedish.map((item) => [item.id, item.meta.locale]),
      [[fixture.untranslated.id, "sv"]],
    );
  });

  it("filters by tag in the item's language", async () => {
    const swedish = await client.listPages({ type: "news" });
    const tagged = swedish.items.find((item) => item.type === "news" && item.tags.length > 0);
    assert.ok(tagged && tagged.type === "news");
    const slug = tagged.tags[0]!.slug;
    const list = await client.listPages({ type: "news", tag: [slug] });
    assert.ok(list.count >= 1);
    assert.ok(
      list.items.every((item) => item.type === "news" && item.tags.some((t) => t.slug === slug)),
    );
  });

  it("walks a whole list `limit` at a time", async () => {
    const { fetch, exchanges } = recorder();
    const paging = createClient({ baseUrl: API, fetch });
    const all = await paging.listPages({ limit: 100 });
    const items: PageSummary[] = [];
    for await (const item of paging.allPages({ limit: 5 })) items.push(item);
    assert.equal(items.length, all.count);
    assert.deepEqual(
      items.map((item) => item.id),
      all.items.map((item) => item.id),
    );
    const offsets = exchanges.slice(1).map((exchange) => exchange.url.searchParams.get("offset"));
    // One request per 5 items, however many the demo has.
    const expected = Array.from({ length: Math.ceil(all.count / 5) }, (_, n) => String(n * 5));
    assert.ok(expected.length > 2, "the demo spans several pages of 5");
    assert.deepEqual(offsets, expected);
  });

  it("walks from an offset, in English with fallback", async () => {
    const ids: number[] = [];
    for await (const item of client.allPages({
      type: "news",
      locale: "en",
      fallback: "sv",
      limit: 1,
      offset: 1,
    })) {
      ids.push(item.id);
    }
    const all = await client.listPages({ type: "news", locale: "en", fallback: "sv" });
    assert.deepEqual(
      ids,
      all.items.slice(1).map((item) => item.id),
    );
  });

  it("refuses a limit over 100 with a 400 problem naming it", async () => {
    const error = await problem(() => client.listPages({ limit: 101 }));
    assert.equal(error.status, 400);
    assert.ok(error.is("invalid-parameter"));
    assert.deepEqual(error.invalidParams, [
      { name: "limit", reason: "limit cannot be more than 100." },
    ]);
  });

  it("refuses an unknown locale with a 400 problem naming it", async () => {
    const error = await problem(() => client.listPages({ locale: "xx" as unknown as Locale }));
    assert.equal(error.status, 400);
    assert.equal(error.invalidParams[0]?.name, "locale");
  });

  it("refuses an unknown page type with a 422 problem naming it", async () => {
    const type = "newspaper" as PageQuery["type"];
    const error = await problem(() => client.listPages({ type }));
    assert.equal(error.status, 422);
    assert.equal(error.invalidParams[0]?.name, "type");
  });
});
