#!/usr/bin/env bash
# The OpenAPI document through Redocly CLI (recommended) and Spectral (spectral:oas), with
# the committed rulesets redocly.yaml and .spectral.yaml. Fails on any error or warning
# of either: Redocly's own exit status counts errors only, so its totals are read.
set -euo pipefail
cd "$(dirname "$0")/.."
document=${1:-docs/reference/openapi.json}
bin=node_modules/.bin

report=$("$bin/redocly" lint --format=json "$document" 2>/dev/null || true)
REPORT=$report node -e '
const report = JSON.parse(process.env.REPORT);
for (const p of report.problems) {
  console.log(`${p.severity}  ${p.ruleId}  ${p.location[0].pointer}  ${p.message}`);
}
const { errors, warnings } = report.totals;
console.log(`Redocly ${report.version} (recommended): ${errors} errors, ${warnings} warnings`);
process.exit(errors + warnings > 0 ? 1 : 0);
'
"$bin/spectral" lint --ruleset .spectral.yaml --fail-severity=hint "$document"
echo "Spectral $("$bin/spectral" --version) (spectral:oas): 0 errors, 0 warnings, 0 infos, 0 hints"
