#!/usr/bin/env bash
# Measures the duplicate scan as deployed on a generated field-like registry (people registered one
# to four times at eight sites with respellings, order swaps, particles, typos, imprecise and
# estimated birth dates, siblings, children and namesakes): registers every registration through
# the running application's API, runs the scan as production does and reports pairwise and cluster
# precision, recall and F1, and recall by kind of difference. Then the same registry at engine level.
#
#   bench/matching-field.sh [PEOPLE] [SEED]     default 2000 people, seed 20261207
#
# The report is printed and kept in target/field-scan.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PEOPLE="${1:-2000}"
SEED="${2:-20261207}"

./mvnw -q -B -ntp -Dskip.web=true -Dspotless.check.skip=true -Dtest=FieldScanBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dpasserelle.field.people="$PEOPLE" -Dpasserelle.field.seed="$SEED" test
cat target/field-scan.txt

echo "== Engine level (same registry, same choice of weights)"
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/linkage-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/linkage-classpath.txt)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -cp "$CP" org.passerelle.people.matching.FieldScanEvaluation "$PEOPLE" "$SEED"
