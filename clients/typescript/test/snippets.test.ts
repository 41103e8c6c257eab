/** The menu and the snippets in both languages, and their errors. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  ApiProblem,
  createClient,
  type GoalQuery,
  type NavigationItem,
  type OrganisationQuery,
} from "../src/index.js";
import { API, failure, fixture } from "./server.js";

const client = createClient({ baseUrl: API });

async function problem(call: () => Promise<unknown>): Promise<ApiProblem> {
  const error = await failure(call);
  assert.ok(error instanceof ApiProblem, `not a problem: ${String(error)}`);
  return error;
}

function titles(items: NavigationItem[]): string[] {
  return items.flatMap((item) => [item.title, ...titles(item.children)]);
}

describe("navigation", () => {
  it("gives the Swedish menu under the root page", async () => {
    const nav = await client.navigation({ depth: 2 });
    assert.equal(nav.locale, "sv");
    const [root] = nav.items;
    assert.equal(root?.type, "network");
    assert.equal(root?.url, "/");
    assert.ok(titles(nav.items).includes("Nytt i nätverket"));
  });

  it("gives the English menu, its links under /en/", async () => {
    const nav = await client.navigation({ locale: "en", fallback: "sv", depth: 2 });
    assert.equal(nav.locale, "en");
    assert.ok(titles(nav.items).includes("News from the network"));
    const urls = nav.items.flatMap((item) => [item.url, ...item.children.map((c) => c.url)]);
    assert.ok(urls.every((url) => url?.startsWith("/en/")), urls.join(" "));
  });

  it("stops at depth 1: the root page's menu pages, without their children", async () => {
    const deep = await client.navigation({ depth: 3 });
    const nav = await client.navigation({ depth: 1 });
    assert.deepEqual(
      nav.items[0]?.children.map((item) => item.title),
      deep.items[0]?.children.map((item) => item.title),
    );
    assert.ok(nav.items[0]?.children.every((item) => item.children.length === 0));
  });

  it("refuses depth 0 with a 422 problem naming it", async () => {
    const error = await problem(() => client.navigation({ depth: 0 }));
    assert.equal(error.status, 422);
    assert.equal(error.invalidParams[0]?.name, "depth");
  });
});

describe("frameworks and goals", () => {
  it("lists the frameworks in Swedish and in English", async () => {
    const swedish = await client.frameworks();
    const english = await client.frameworks({ locale: "en" });
    assert.equal(swedish.count, english.count);
    assert.ok(swedish.items.every((framework) => framework.locale === "sv"));
    assert.ok(english.items.every((framework) => framework.locale === "en"));
    assert.ok(swedish.items.some((framework) => framework.slug === "agenda-2030"));
  });

  it("lists one framework's goals in either language", async () => {
    const swedish = await client.goals({ framework: "agenda-2030" });
    const english = await client.goals({ framework: "agenda-2030", locale: "en" });
    assert.equal(swedish.count, 17);
    assert.equal(english.count, 17);
    assert.equal(swedish.items[0]?.title, "Ingen fattigdom");
    assert.equal(english.items[0]?.title, "No poverty");
  });

  it("takes the client's locale", async () => {
    const english = createClient({ baseUrl: API, locale: "en", fallback: "sv" });
    const goals = await english.goals({ framework: "agenda-2030" });
    assert.ok(goals.items.every((goal) => goal.locale === "en"));
  });

  it("refuses an unknown framework with a problem naming it", async () => {
    const error = await problem(() => client.goals({ framework: "nope" as GoalQuery["framework"] }));
    // 400 on main; 404 once the document says so (issue 17's contract work).
    assert.ok([400, 404].includes(error.status), String(error.status));
    assert.equal(error.invalidParams[0]?.name, "framework");
    assert.match(error.detail, /'nope'/);
  });
});

describe("organisations", () => {
  it("lists them with kind labels in the language asked for", async () => {
    const swedish = await client.organisations({ kind: "county_board" });
    const english = await client.organisations({ kind: "county_board", locale: "en" });
    assert.ok(swedish.count > 0);
    assert.equal(english.count, swedish.count);
    assert.ok(swedish.items.every((organisation) => organisation.kind === "county_board"));
    assert.equal(swedish.items[0]?.kind_label, "Länsstyrelse");
    assert.equal(english.items[0]?.kind_label, "County administrative board");
  });

  it("refuses an unknown kind with a problem naming it", async () => {
    const kind = "castle" as OrganisationQuery["kind"];
    const error = await problem(() => client.organisations({ kind }));
    // 400 while `kind` is a free string in the document, 422 once it is an enum.
    assert.ok([400, 422].includes(error.status), String(error.status));
    assert.ok(error.is("invalid-parameter"));
    assert.equal(error.invalidParams[0]?.name, "kind");
  });
});

describe("contactSidebar", () => {
  it("gives a sidebar in Swedish and its English translation", async () => {
    const swedish = await client.contactSidebar(fixture.preview_sidebar.id);
    const english = await client.contactSidebar(fixture.preview_sidebar.id, { locale: "en" });
    assert.equal(swedish.locale, "sv");
    assert.equal(swedish.title, "Kontakt");
    assert.equal(english.locale, "en");
    assert.equal(english.title, "Contact");
    assert.equal(english.contacts.length, swedish.contacts.length);
  });

  it("is a 404 problem for an id nothing has", async () => {
    const error = await problem(() => client.contactSidebar(999999));
    assert.equal(error.status, 404);
    assert.ok(error.is("not-found"));
  });
});
