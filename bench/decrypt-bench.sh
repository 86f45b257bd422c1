#!/usr/bin/env bash
# Decryption benchmark (issue 10): envshift against gpg over the same RSA-3072 settings files.
#   bench/decrypt-bench.sh [N ...]      (default: 1 10 200 1000)
# For each N it generates a repo of N encrypted settings files (one environment per file), then
# runs, interleaved, ROUNDS times each (median reported, as a ratio to the gpg baselines):
#   gpg-files  one `gpg --batch --decrypt-files` process over all N files (decrypts, parses nothing)
#   gpg-loop   one `gpg --batch -d` process per file
#   envshift   `envshift -q show --json` (decrypt + parse + map every file) through the install
#              launcher (src/dist/bin/envshift) with its class-data sharing archive (target/
#              envshift.classlist, from `mvn package`), and its peak RSS
#   no-cds     the same with ENVSHIFT_CDS=0
# Then start-up: `envshift --version` and `--help` against `heroku --version` (the Heroku CLI, when
# `heroku` is on PATH or HEROKU_BIN names it; skipped otherwise).
# Needs gpg and java 17+; builds target/envshift.jar when missing. Talks to no network.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(1 10 200 1000)
command -v gpg >/dev/null || { echo "decrypt-bench.sh: gpg is missing (apt-get install gnupg)" >&2; exit 1; }
jar="$here/target/envshift.jar"
[[ -f "$jar" && -f "${jar%.jar}.classlist" ]] || (cd "$here" && mvn -B -q -DskipTests package >&2)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export GNUPGHOME="$work/gnupg"; mkdir -m 700 "$GNUPGHOME"
# the launcher's archives go to a cache of this run's own, made by a first (untimed) run
export ENVSHIFT_JAR="$jar" XDG_CACHE_HOME="$work/cache"
launcher="$here/src/dist/bin/envshift"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
  --quick-gen-key 'bench <bench@example.org>' rsa3072 encr never 2>/dev/null
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --armor \
  --export-secret-keys bench@example.org > "$work/bench.asc"

# the launcher's first run has a JVM dump the class-data archive in the background: wait for it
archive_ready() {
  local i; for i in $(seq 1 600); do
    if ls "$XDG_CACHE_HOME"/envshift/*.jsa >/dev/null 2>&1 \
        && ! ls -d "$XDG_CACHE_HOME"/envshift/*.dumping >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "decrypt-bench.sh: no class-data archive was written (timing without it)" >&2
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
# seconds one command takes, its output dropped
timed() { local t; t=$(now); "$@" >/dev/null 2>&1; echo "$(now) - $t" | bc; }

printf '%-6s %10s %10s %10s %10s %9s %9s %9s %8s\n' N gpg-files gpg-loop envshift no-cds \
  vs_files vs_loop nocds/loop peak_MB
for n in "${sizes[@]}"; do
  repo="$work/repo-$n"; mkdir -p "$repo/configs"
  { echo "version: 1"; echo "environments:"; } > "$repo/envshift.yml"
  for i in $(seq 1 "$n"); do
    printf "SECRET_KEY = 'bench-%s-k3y'\nDEBUG = False\nALLOWED_HOSTS = ['a.example.org', 'b.example.org']\nDATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'db%s', 'USER': 'u', 'PASSWORD': 'p%s', 'HOST': 'db.internal', 'PORT': '5432'}}\nEMAIL_PORT = 587\n" "$i" "$i" "$i" \
      | gpg --batch --quiet --trust-model always -r bench@example.org -e -o "$repo/configs/s$i.py.gpg"
    printf '  e%s:\n    sources: [configs/s%s.py.gpg]\n' "$i" "$i" >> "$repo/envshift.yml"
  done
  files=(); for i in $(seq 1 "$n"); do files+=("$repo/configs/s$i.py.gpg"); done
  show=("$launcher" -q show --repo "$repo" --json --secret-key "$work/bench.asc")
  "${show[@]}" > "$work/expected.json"   # its output is the reference
  archive_ready
  a=(); b=(); c=(); d=(); rss=()
  for r in $(seq 1 "$ROUNDS"); do
    out="$work/out-$n-$r"; mkdir -p "$out"; cp "${files[@]}" "$out/"
    a+=("$(timed gpg --batch --quiet --yes --decrypt-files "$out"/*.gpg)")
    t=$(now); for f in "${files[@]}"; do gpg --batch --quiet -d "$f" >/dev/null 2>&1; done
    b+=("$(echo "$(now) - $t" | bc)")
    t=$(now)
    /usr/bin/time -f '%M' -o "$work/rss" "${show[@]}" > "$work/got.json"
    c+=("$(echo "$(now) - $t" | bc)"); rss+=("$(cat "$work/rss")")
    cmp -s "$work/expected.json" "$work/got.json" \
      || { echo "decrypt-bench.sh: output of run $r differs at N=$n" >&2; exit 1; }
    d+=("$(ENVSHIFT_CDS=0 timed "${show[@]}")")
  done
  ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
  mc=$(printf '%s\n' "${c[@]}" | median); md=$(printf '%s\n' "${d[@]}" | median)
  mr=$(printf '%s\n' "${rss[@]}" | median)
  printf '%-6s %10.3f %10.3f %10.3f %10.3f %8.2fx %8.2fx %8.2fx %8.0f\n' "$n" "$ma" "$mb" "$mc" \
    "$md" "$(echo "$mc / $ma" | bc -l)" "$(echo "$mc / $mb" | bc -l)" "$(echo "$md / $mb" | bc -l)" \
    "$(echo "$mr / 1024" | bc -l)"
done

heroku="${HEROKU_BIN:-$(command -v heroku || true)}"
archive_ready
v=(); h=(); k=()
for r in $(seq 1 $((ROUNDS + 2))); do
  v+=("$(timed "$launcher" --version)"); h+=("$(timed "$launcher" --help)")
done
# heroku after envshift, not interleaved: each run leaves a telemetry worker (node) busy for
# seconds, which would slow whatever runs next; waited for before the next run
heroku_idle() {
  local i; for i in $(seq 1 100); do
    pgrep -f "heroku/dist" >/dev/null || return 0; sleep 0.1
  done
}
if [[ -n "$heroku" ]]; then
  heroku_idle
  for r in $(seq 1 $((ROUNDS + 2))); do k+=("$(timed "$heroku" --version)"); heroku_idle; done
fi
mv=$(printf '%s\n' "${v[@]}" | median); mh=$(printf '%s\n' "${h[@]}" | median)
if [[ -n "$heroku" ]]; then
  mk=$(printf '%s\n' "${k[@]}" | median)
  printf 'start-up: --version %.3f s (%.2fx heroku --version), --help %.3f s (%.2fx), heroku --version %.3f s\n' \
    "$mv" "$(echo "$mv / $mk" | bc -l)" "$mh" "$(echo "$mh / $mk" | bc -l)" "$mk"
else
  printf 'start-up: --version %.3f s, --help %.3f s (heroku not on PATH: set HEROKU_BIN to compare)\n' "$mv" "$mh"
fi
