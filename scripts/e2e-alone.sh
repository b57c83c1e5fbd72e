#!/bin/bash
# Runs every e2e test alone (its file, -t its exact name) and prints one line per test: ok / FAIL.
# Proves that each e2e test sets up its own state (issue 15). Slow (a host and a browser per test): not in npm test.
# Usage: npm run build && scripts/e2e-alone.sh [test/e2e/file.test.ts ...]
cd "$(dirname "$0")/.." || exit 2
files=("$@"); [ ${#files[@]} -eq 0 ] && files=(test/e2e/*.test.ts)
fails=0
for f in "${files[@]}"; do
  while IFS= read -r name; do
    pat=$(printf '%s' "$name" | sed 's/[][\\.*^$()+?{}|]/\\&/g')
    if npx vitest run --project e2e "$f" -t "^.* ${pat}\$" > /tmp/e2e-alone-run.txt 2>&1 && grep -q "1 passed" /tmp/e2e-alone-run.txt; then
      echo "ok   $f :: $name"
    else
      echo "FAIL $f :: $name"; fails=$((fails + 1))
    fi
  done < <(node -e '
const src = require("fs").readFileSync(process.argv[1], "utf8");
const re = /\bit\(\s*([`"\x27])((?:\\.|(?!\1).)*)\1/g; let m;
while ((m = re.exec(src))) console.log(m[2]);' "$f")
done
echo "$fails failed alone"
[ "$fails" -eq 0 ]
