/** Drafts for preview tokens, as a frontend's preview route reads them. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ApiProblem, createClient } from "../src/index.js";
import { API, failure, fixture } from "./server.js";

const client = createClient({ baseUrl: API });
const { preview_page: draftPage, preview_sidebar: draftSidebar } = fixture;

async function problem(call: () => Promise<unknown>): Promise<ApiProblem> {
  const error = await failure(call);
  assert.ok(error instanceof ApiProblem, `not a problem: ${String(error)}`);
  return error;
}

describe("previewPage and previewSnippet", () => {
  it("gives a page's draft in the shape of its detail, the published page unchanged", async () => {
    const draft = await client.previewPage(draftPage.id, draftPage.token);
    const published = await client.getPage(draftPage.id);
    assert.equal(draft.title, draftPage.title);
    assert.equal(draft.meta.preview, true);
    assert.notEqual(published.title, draftPage.title);
    assert.equal(published.meta.preview, false);
    assert.equal(draft.type, published.type);
  });

  it("gives a snippet's draft as { meta, item }", async () => {
    const draft = await client.previewSnippet(
      "contact_sidebar",
      draftSidebar.id,
      draftSidebar.token,
    );
    assert.deepEqual(draft.meta, { type: "contact_sidebar", locale: "sv", preview: true });
    const item = draft.item as { title: string };
    assert.equal(item.title, draftSidebar.title);
    const published = await client.contactSidebar(draftSidebar.id);
    assert.notEqual(published.title, draftSidebar.title);
  });

  it("refuses a forged token with a 401 problem naming `token`", async () => {
    const error = await problem(() => client.previewPage(draftPage.id, `${draftPage.token}x`));
    assert.equal(error.status, 401);
    assert.ok(error.is("preview-token-invalid"));
    assert.equal(error.invalidParams[0]?.name, "token");
  });

  it("refuses a page's token for another object with a 403 problem", async () => {
    const onOther = await problem(() => client.previewPage(draftPage.id + 1, draftPage.token));
    assert.equal(onOther.status, 403);
    assert.ok(onOther.is("preview-token-mismatch"));
    const onSnippet = await problem(() =>
      client.previewSnippet("contact_sidebar", draftSidebar.id, draftPage.token),
    );
    assert.equal(onSnippet.status, 403);
    assert.ok(onSnippet.is("preview-token-mismatch"));
  });
});

describe("preview: the address Wagtail's preview panel loads", () => {
  const frontend = "https://www.example.org/api/preview?locale=sv&path=/x/";

  it("reads a page's draft from `api` and `token`", async () => {
    const api = `/api/network/preview/pages/${draftPage.id}/`;
    const url = `${frontend}&token=${encodeURIComponent(draftPage.token)}&api=${api}`;
    const preview = await client.preview(url);
    assert.equal(preview?.kind, "page");
    if (preview?.kind !== "page") return;
    assert.equal(preview.data.title, draftPage.title);
  });

  it("reads a snippet's draft", async () => {
    const api = `/api/network/preview/contact_sidebar/${draftSidebar.id}/`;
    const params = new URLSearchParams({ token: draftSidebar.token, api });
    const preview = await client.preview(`${frontend}&${params}`);
    assert.equal(preview?.kind, "snippet");
    if (preview?.kind !== "snippet") return;
    assert.equal(preview.data.meta.type, "contact_sidebar");
  });

  it("is null for an address without a preview", async () => {
    assert.equal(await client.preview(frontend), null);
    assert.equal(await client.preview("/nytt-i-natverket/?token=abc"), null);
  });
});
