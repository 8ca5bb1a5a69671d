#!/usr/bin/env bash
# Runs the whole Vigie suite on this machine on embedded defaults: embedded PostgreSQL, Keycloak
# (from its Maven Central distribution) with the four realms and demo accounts, the four services,
# and a demo platform. Builds first when the sources changed. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
jar=local/target/vigie-local.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o -path '*/node_modules' -prune -o -newer "$jar" -type f \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.json' \) -print -quit)" ]; then
  echo "Building Vigie (the first build downloads dependencies and Keycloak from Maven Central)..."
  ./mvnw -B -q package -DskipTests
  touch "$jar" # the jar plugin leaves an unchanged jar untouched; mark this build as the newest
fi
exec java -cp "$jar:local/target/lib/*" eu.vigie.local.VigieLocal "$@"
