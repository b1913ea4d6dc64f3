#!/usr/bin/env bash
# Autogenerate on a 1,000-entity model, beside Liquibase's diff of the same model, in one run: Retort reads the
# entities, writes the initial migration (compared with an empty database), compiles it, upgrades, and compares
# again (nothing left); Liquibase 4.33 diffs a database Hibernate created from the same entities against an empty
# one and writes the changelog, then diffs it against the database Retort migrated.
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust). Usage: bench/autogenerate-1000/run.sh [entities]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-1000}
work="$here/work"
rm -rf "$work" && mkdir -p "$work/src/large" "$work/entities" "$work/classes"

(cd "$root" && ./mvnw -q -B -pl hibernate,postgresql -am package -DskipTests \
  && ./mvnw -q -B -pl hibernate -am dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B -pl postgresql -am dependency:build-classpath -Dmdep.outputFile="$work/pg.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/liquibase.txt")
cp="$root/hibernate/target/classes:$root/postgresql/target/classes:$root/core/target/classes:$(cat "$work/deps.txt"):$(cat "$work/pg.txt"):$(cat "$work/liquibase.txt")"

for i in $(seq 0 $((n - 1))); do
  cls=$(printf 'T%04d' "$i"); table=$(printf 't%04d' "$i")
  parent=""
  [ "$i" -gt 0 ] && parent="@jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY) $(printf 'T%04d' $((i - 1))) parent;"
  cat > "$work/src/large/$cls.java" <<JAVA
package large;
@jakarta.persistence.Entity @jakarta.persistence.Table(name = "$table", indexes = @jakarta.persistence.Index(name = "ix_${table}_name", columnList = "name"))
public class $cls { @jakarta.persistence.Id @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY) Long id;
  @jakarta.persistence.Column(length = 100, nullable = false) String name; @jakarta.persistence.Column(precision = 12, scale = 2) java.math.BigDecimal amount;
  java.time.Instant created; boolean flag; $parent }
JAVA
done
javac -nowarn -proc:none -d "$work/entities" -cp "$cp" $(find "$work/src" -name '*.java')
javac -nowarn -d "$work/classes" -cp "$cp" "$here/AutogenerateBench.java"

# Liquibase snapshots objects recursively along foreign keys: a chain of 1,000 overflows the default stack.
java -Xss512m -Dorg.jboss.logging.provider=slf4j -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$work/classes:$cp:$(find ~/.m2/repository/org/slf4j/slf4j-simple -name '*.jar' | head -1)" \
  AutogenerateBench jdbc:postgresql://127.0.0.1:5432/ postgres "$work/entities" "$n" "$work" "$cp"
