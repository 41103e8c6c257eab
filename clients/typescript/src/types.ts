/** Names for the shapes the client's methods give, taken from the methods themselves. */
import type { KommunnatverkClient } from "./client.js";
import type { components } from "./schema.js";

type Resolved<M extends keyof KommunnatverkClient> = KommunnatverkClient[M] extends (
  ...args: never[]
) => Promise<infer R>
  ? R
  : never;

export type Schemas = components["schemas"];
/** A page's detail: one of the page types' shapes, told apart by `type`. */
export type PageDetail = Resolved<"findPage">;
export type PageList = Resolved<"listPages">;
/** A list item: one of the page types' summaries, told apart by `type`. */
export type PageSummary = PageList["items"][number];
export type Navigation = Resolved<"navigation">;
export type NavigationItem = Navigation["items"][number];
export type FrameworkList = Resolved<"frameworks">;
export type GoalList = Resolved<"goals">;
export type OrganisationList = Resolved<"organisations">;
export type ContactSidebar = Resolved<"contactSidebar">;
export type SnippetPreview = Resolved<"previewSnippet">;
