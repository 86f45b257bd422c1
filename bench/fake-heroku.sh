#!/usr/bin/env bash
# Serve the test suite's FakeHeroku on 127.0.0.1 until Ctrl-C, for trying envshift by hand:
#
#   bench/fake-heroku.sh payroll-staging+DATABASE_URL payroll-production \
#     asset-dashboard:staging:asset-stg
#
# Each argument is an app to create (PIPELINE:STAGE:APP also couples it, APP+VAR attaches an
# add-on owning VAR). Prints the HEROKU_HOST and HEROKU_API_KEY to export in another shell.
# Works on a fresh clone: it compiles the test classes (the fake is one) and resolves their
# classpath with Maven; whatever is missing is named in one line on stderr, with exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
  echo "fake-heroku.sh: $*" >&2
  exit 1
}

command -v java >/dev/null || die "java not found: install a JDK 17+ and put java on PATH"
command -v mvn >/dev/null \
  || die "mvn not found: install Maven 3.6+ (it builds the fake, a test class)"
mkdir -p target
log=target/fake-heroku-mvn.log
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT

# mvn -q prints its errors on stdout: keep them in the log, so a failure is still explained.
mvn -B -q test-compile >"$log" 2>&1 \
  || die "the test classes do not compile (mvn -B test-compile failed; see $log)"
if ! mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >"$log" 2>&1; then
  if grep -qi "offline" "$log"; then
    die "maven-dependency-plugin is not in ~/.m2 and Maven is offline: run" \
      "'mvn dependency:build-classpath' once online (see $log)"
  fi
  die "mvn dependency:build-classpath failed (see $log)"
fi
[[ -s "$classpath_file" ]] || die "mvn dependency:build-classpath wrote no classpath (see $log)"
rm -f "$log"
classpath="target/test-classes:target/classes:$(cat "$classpath_file")"
rm -f "$classpath_file"
exec java -cp "$classpath" envshift.bench.FakeHerokuMain "$@"
