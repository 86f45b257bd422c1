#!/usr/bin/env bash
# Decryption benchmark (issue 10): envshift against gpg over the same RSA-3072 settings files.
#   bench/decrypt-bench.sh [N ...]      (default: 1 10 200 1000)
# For each N it generates a repo of N encrypted settings files (one environment per file), then
# runs, interleaved, ROUNDS times each (median reported, as a ratio to the gpg baselines):
#   gpg-files  one `gpg --batch --decrypt-files` process over all N files (decrypts, parses nothing)
#   gpg-loop   one `gpg --batch -d` process per file
#   envshift   `envshift show --json` (decrypt + parse + map every file), and its peak RSS
# Needs gpg and java 17+; builds target/envshift.jar when missing. Talks to no network.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(1 10 200 1000)
command -v gpg >/dev/null || { echo "decrypt-bench.sh: gpg is missing (apt-get install gnupg)" >&2; exit 1; }
jar="$here/target/envshift.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -B -q -DskipTests package >&2)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export GNUPGHOME="$work/gnupg"; mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
  --quick-gen-key 'bench <bench@example.org>' rsa3072 encr never 2>/dev/null
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --armor \
  --export-secret-keys bench@example.org > "$work/bench.asc"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

printf '%-6s %12s %12s %12s %10s %10s %10s\n' N gpg-files_s gpg-loop_s envshift_s vs_files vs_loop peak_MB
for n in "${sizes[@]}"; do
  repo="$work/repo-$n"; mkdir -p "$repo/configs"
  { echo "version: 1"; echo "environments:"; } > "$repo/envshift.yml"
  for i in $(seq 1 "$n"); do
    printf "SECRET_KEY = 'bench-%s-k3y'\nDEBUG = False\nALLOWED_HOSTS = ['a.example.org', 'b.example.org']\nDATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'db%s', 'USER': 'u', 'PASSWORD': 'p%s', 'HOST': 'db.internal', 'PORT': '5432'}}\nEMAIL_PORT = 587\n" "$i" "$i" "$i" \
      | gpg --batch --quiet --trust-model always -r bench@example.org -e -o "$repo/configs/s$i.py.gpg"
    printf '  e%s:\n    sources: [configs/s%s.py.gpg]\n' "$i" "$i" >> "$repo/envshift.yml"
  done
  files=(); for i in $(seq 1 "$n"); do files+=("$repo/configs/s$i.py.gpg"); done
  a=(); b=(); c=(); rss=()
  for r in $(seq 1 "$ROUNDS"); do
    out="$work/out-$n-$r"; mkdir -p "$out"; cp "${files[@]}" "$out/"
    t=$(now); gpg --batch --quiet --yes --decrypt-files "$out"/*.gpg 2>/dev/null; a+=("$(echo "$(now) - $t" | bc)")
    t=$(now); for f in "${files[@]}"; do gpg --batch --quiet -d "$f" >/dev/null 2>&1; done; b+=("$(echo "$(now) - $t" | bc)")
    t=$(now)
    /usr/bin/time -f '%M' -o "$work/rss" java -jar "$jar" -q show --repo "$repo" --json \
      --secret-key "$work/bench.asc" >/dev/null
    c+=("$(echo "$(now) - $t" | bc)"); rss+=("$(cat "$work/rss")")
  done
  ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
  mc=$(printf '%s\n' "${c[@]}" | median); mr=$(printf '%s\n' "${rss[@]}" | median)
  printf '%-6s %12.3f %12.3f %12.3f %9.2fx %9.2fx %10.0f\n' "$n" "$ma" "$mb" "$mc" \
    "$(echo "$mc / $ma" | bc -l)" "$(echo "$mc / $mb" | bc -l)" "$(echo "$mr / 1024" | bc -l)"
done
