// npm run check-generated: fails when src/schema.ts is not what openapi-typescript makes of
// docs/reference/openapi.json today, i.e. when the committed types are stale.
// `npm run generate` (or `make client-types` at the repository's root) updates them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const committed = join(root, "src", "schema.ts");
const work = mkdtempSync(join(tmpdir(), "kommunnatverk-schema-"));
const fresh = join(work, "schema.ts");
try {
  execFileSync(
    join(root, "node_modules", ".bin", "openapi-typescript"),
    [join(root, "..", "..", "docs", "reference", "openapi.json"), "--output", fresh],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
    try {
      execFileSync("diff", ["-u", committed, fresh], { stdio: "inherit" });
    } catch {
      // diff exits 1 on a difference: the output above is the point.
    }
    console.error(
      "clients/typescript/src/schema.ts is stale: run `make client-types` and commit it.",
    );
    process.exitCode = 1;
  } else {
    console.log("clients/typescript/src/schema.ts matches docs/reference/openapi.json");
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
