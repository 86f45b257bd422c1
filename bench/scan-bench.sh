#!/usr/bin/env bash
# Benchmark: envshift scan --history on a generated git repo of many commits (default 10,000), in
# a temp dir, against two baselines timed in the same run on the same repo:
#   - `git cat-file --batch-all-objects --batch`: reading every object once, no search at all;
#   - `git log --all -p | grep -F -f VALUES`: the usual way to look for values in history.
# Prints each wall time (JVM start included for scan) and the ratios; see docs/performance.md.
# Usage: bench/scan-bench.sh [commits=10000] [files=200]
set -euo pipefail
commits="${1:-10000}"
files="${2:-200}"
cd "$(dirname "$0")/.."
project="$PWD"
mvn -B -q ${MVN_FLAGS:-} compile >&2
mvn -B -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile=target/scan-bench.cp >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
git init -q "$repo"

# The sources: a git-ignored .env per environment, so no key is needed. Values made up per run.
token="tok-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
password="pw-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
printf 'version: 1\nenvironments:\n  production:\n    sources: [.env.prod]\n' >"$repo/envshift.yml"
printf 'API_TOKEN=%s\nDB_PASSWORD=%s\nDEBUG=off\n' "$token" "$password" >"$repo/.env.prod"
printf '%s\n%s\n' "$token" "$password" >"$work/values"

# One fast-import stream: commit i rewrites file i % files (40 lines naming the commit); commit
# 1234 puts the token in docs/setup.md, commit 5678 removes it; commit 4321 adds a plaintext twin
# of config/app.yml.gpg. fast-import writes one pack, as a long-lived repo after gc would have.
awk -v n="$commits" -v files="$files" -v token="$token" 'function blob(path, text) {
    printf "M 100644 inline %s\ndata %d\n%s\n", path, length(text), text }
  BEGIN {
    for (i = 1; i <= n; i++) {
      printf "commit refs/heads/main\ncommitter Bench <bench@example.org> %d +0000\n", 1700000000 + i
      msg = "commit " i
      printf "data %d\n%s\n", length(msg), msg
      if (i == 1) {
        blob(".gitignore", ".env.*\n")
        blob("envshift.yml", "version: 1\nenvironments:\n  production:\n    sources: [.env.prod]\n")
        blob("config/app.yml.gpg", "-----BEGIN PGP MESSAGE-----\n\nx\n-----END PGP MESSAGE-----\n")
      }
      text = ""
      for (l = 0; l < 40; l++) text = text "line " l " of file " (i % files) " at commit " i "\n"
      blob("src/file" (i % files) ".txt", text)
      if (i == 1234) blob("docs/setup.md", "API token for staging: " token "\n")
      if (i == 5678) printf "D docs/setup.md\n"
      if (i == 4321) blob("config/app.yml", "debug: true\n")
      printf "\n"
    }
  }' | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
start=$(date +%s%N)
git -C "$repo" cat-file --batch-all-objects --batch >/dev/null
cat_ms=$(ms "$start")
start=$(date +%s%N)
grep_hits=$(git -C "$repo" log --all -p | grep -c -F -f "$work/values" || true)
grep_ms=$(ms "$start")
start=$(date +%s%N)
set +e
java -cp "$project/target/classes:$(cat "$project/target/scan-bench.cp")" envshift.cli.Main \
  scan --history --json --repo "$repo" >"$work/scan.json"
code=$?
set -e
scan_ms=$(ms "$start")
if [[ $code -ne 2 ]] || grep -q -F -f "$work/values" "$work/scan.json"; then
  echo "scan-bench: unexpected scan result (exit $code)" >&2
  exit 1
fi
findings=$(grep -o '"kind"' "$work/scan.json" | wc -l)
echo "repo: $commits commits, $(git -C "$repo" count-objects -v | sed -n 's/^in-pack: //p') objects"
printf '%-48s %8s ms\n' "baseline: git cat-file --batch-all-objects" "$cat_ms" \
  "baseline: git log --all -p | grep ($grep_hits hits)" "$grep_ms" \
  "envshift scan --history ($findings findings)" "$scan_ms"
awk -v s="$scan_ms" -v c="$cat_ms" -v g="$grep_ms" 'BEGIN {
  printf "scan / cat-file: %.1fx   scan / log -p | grep: %.2fx\n", s / (c ? c : 1), s / (g ? g : 1) }'
