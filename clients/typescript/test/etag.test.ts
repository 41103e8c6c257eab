/** ETag revalidation: If-None-Match out, a 304 back, the kept data handed on. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ApiProblem, createClient, EtagCache } from "../src/index.js";
import { API, failure, fixture, recorder } from "./server.js";

describe("ETag revalidation", () => {
  it("sends the ETag back and gives the kept data for a 304", async () => {
    const { fetch, exchanges } = recorder();
    const client = createClient({ baseUrl: API, fetch });
    const first = await client.findPage("/en/news/");
    const second = await client.findPage("/en/news/");
    assert.deepEqual(
      exchanges.map((exchange) => exchange.status),
      [200, 304],
    );
    assert.equal(exchanges[0]?.ifNoneMatch, null);
    assert.match(exchanges[1]?.ifNoneMatch ?? "", /^(W\/)?"[^"]+"$/);
    assert.deepEqual(second, first);
    assert.equal(second.title, "News from the network");
  });

  it("hands out a fresh copy each time, so callers may change what they get", async () => {
    const client = createClient({ baseUrl: API });
    const first = await client.getPage(fixture.preview_page.id);
    first.title = "changed by the caller";
    const second = await client.getPage(fixture.preview_page.id);
    assert.notEqual(second.title, "changed by the caller");
  });

  it("answers a 304 as a 200 carrying the kept body and the 304's headers", async () => {
    const client = createClient({ baseUrl: API });
    const path = "/api/network/navigation/" as const;
    const first = await client.raw.GET(path, { params: { query: { locale: "en" } } });
    const second = await client.raw.GET(path, { params: { query: { locale: "en" } } });
    assert.equal(second.response.status, 200);
    assert.equal(second.response.headers.get("ETag"), first.response.headers.get("ETag"));
    assert.match(second.response.headers.get("Content-Type") ?? "", /^application\/json/);
    assert.match(second.response.headers.get("Cache-Control") ?? "", /max-age=/);
    assert.deepEqual(second.data, first.data);
  });

  it("revalidates every cacheable endpoint, in both languages", async () => {
    const { fetch, exchanges } = recorder();
    const client = createClient({ baseUrl: API, fetch });
    for (const locale of ["sv", "en"] as const) {
      const calls = [
        () => client.listPages({ locale, type: "news" }),
        () => client.findPage(locale === "sv" ? "/projekt/" : "/en/projects/"),
        () => client.getPage(fixture.preview_page.id, { locale }),
        () => client.navigation({ locale }),
        () => client.frameworks({ locale }),
        () => client.goals({ locale }),
        () => client.organisations({ locale }),
        () => client.contactSidebar(fixture.preview_sidebar.id, { locale }),
      ];
      for (const call of calls) {
        const first = await call();
        const again = await call();
        assert.deepEqual(again, first);
      }
    }
    const statuses = exchanges.map((exchange) => exchange.status);
    assert.deepEqual(statuses, Array.from({ length: 16 }, () => [200, 304]).flat());
  });

  it("never keeps previews, which are no-store without an ETag", async () => {
    const { fetch, exchanges } = recorder();
    const cache = new EtagCache();
    const client = createClient({ baseUrl: API, fetch, etagCache: cache });
    const { id, token } = fixture.preview_page;
    await client.previewPage(id, token);
    await client.previewPage(id, token);
    assert.deepEqual(
      exchanges.map((exchange) => [exchange.status, exchange.ifNoneMatch]),
      [
        [200, null],
        [200, null],
      ],
    );
    assert.equal(cache.size, 0);
  });

  it("never keeps errors", async () => {
    const { fetch, exchanges } = recorder();
    const client = createClient({ baseUrl: API, fetch });
    for (let i = 0; i < 2; i++) {
      assert.ok((await failure(() => client.getPage(999999))) instanceof ApiProblem);
    }
    assert.deepEqual(
      exchanges.map((exchange) => [exchange.status, exchange.ifNoneMatch]),
      [
        [404, null],
        [404, null],
      ],
    );
  });

  it("is off with etagCache: false", async () => {
    const { fetch, exchanges } = recorder();
    const client = createClient({ baseUrl: API, fetch, etagCache: false });
    await client.navigation();
    await client.navigation();
    assert.deepEqual(
      exchanges.map((exchange) => [exchange.status, exchange.ifNoneMatch]),
      [
        [200, null],
        [200, null],
      ],
    );
    assert.equal(client.cache, undefined);
  });

  it("keeps at most maxEntries answers, the least recently used dropped", async () => {
    const { fetch, exchanges } = recorder();
    const cache = new EtagCache(2);
    const client = createClient({ baseUrl: API, fetch, etagCache: cache });
    await client.goals({ locale: "sv" });
    await client.goals({ locale: "en" });
    await client.goals({ locale: "sv" }); // 304, and now the most recently used
    await client.frameworks(); // drops goals in English
    await client.goals({ locale: "en" });
    await client.goals({ locale: "sv" });
    assert.deepEqual(
      exchanges.map((exchange) => exchange.status),
      [200, 200, 304, 200, 200, 200],
    );
    assert.equal(cache.size, 2);
  });

  it("can be shared by clients and cleared", async () => {
    const { fetch, exchanges } = recorder();
    const cache = new EtagCache();
    const one = createClient({ baseUrl: API, fetch, etagCache: cache });
    const other = createClient({ baseUrl: API, fetch, etagCache: cache, locale: "sv" });
    await one.frameworks({ locale: "sv" });
    await other.frameworks();
    cache.clear();
    await other.frameworks();
    assert.deepEqual(
      exchanges.map((exchange) => exchange.status),
      [200, 304, 200],
    );
  });
});
