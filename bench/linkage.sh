#!/usr/bin/env bash
# Measures the record-linkage engine: precision, recall and F1 on FEBRL (dataset4a/4b linkage,
# dataset3 deduplication; data kept in src/test/resources/febrl) and on the
# project's transliteration set, then timings of the full scan and of single look-ups on
# generated persons.
#
#   bench/linkage.sh [SIZES...]        default sizes: 100000
#
# JVM options through LINKAGE_JVM_OPTS (default -Xmx6g).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZES=("$@")
[[ ${#SIZES[@]} -eq 0 ]] && SIZES=(100000)
JVM_OPTS="${LINKAGE_JVM_OPTS:--Xmx6g}"

./mvnw -q -B -o -Dskip.web=true test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/linkage-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/linkage-classpath.txt)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== FEBRL"
"$JAVA" $JVM_OPTS -cp "$CP" -Dpasserelle.febrl="$ROOT/src/test/resources/febrl" org.passerelle.people.matching.Febrl
echo "== Transliteration set"
"$JAVA" $JVM_OPTS -cp "$CP" org.passerelle.people.matching.TransliterationEvaluation
echo "== Timings"
"$JAVA" $JVM_OPTS -cp "$CP" org.passerelle.people.matching.LinkageBenchmark "${SIZES[@]}"
