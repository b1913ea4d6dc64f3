#!/usr/bin/env bash
# Autogenerate on a 1,000-entity model, beside Liquibase's diff of the same model, in one run: Retort reads the
# entities, writes the initial migration (compared with an empty database), compiles it, upgrades, and compares
# again (nothing left); Liquibase 4.33 diffs a database Hibernate created from the same entities against an empty
# one and writes the changelog, then diffs it against the database Retort migrated.
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust). Usage: bench/autogenerate-1000/run.sh [entities]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib/generate.sh"
n=${1:-1000}
work="$here/work"
rm -rf "$work" && mkdir -p "$work/src/large" "$work/entities" "$work/classes"

(cd "$root" && ./mvnw -q -B -pl hibernate,postgresql -am package -DskipTests \
  && ./mvnw -q -B -pl hibernate -am dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B -pl postgresql -am dependency:build-classpath -Dmdep.outputFile="$work/pg.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/liquibase.txt")
cp="$root/hibernate/target/classes:$root/postgresql/target/classes:$root/core/target/classes:$(cat "$work/deps.txt"):$(cat "$work/pg.txt"):$(cat "$work/liquibase.txt")"

entity_classes "$work/src/large" "$n"
javac -nowarn -proc:none -d "$work/entities" -cp "$cp" $(find "$work/src" -name '*.java')
javac -nowarn -d "$work/classes" -cp "$cp" "$here/AutogenerateBench.java" "$here/../lib/BenchSupport.java"

# Liquibase snapshots objects recursively along foreign keys: a chain of 1,000 overflows the default stack.
java -Xss512m -Dorg.jboss.logging.provider=slf4j -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$work/classes:$cp:$(find ~/.m2/repository/org/slf4j/slf4j-simple -name '*.jar' | head -1)" \
  AutogenerateBench jdbc:postgresql://127.0.0.1:5432/ postgres "$work/entities" "$n" "$work" "$cp"
