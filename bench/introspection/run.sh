#!/usr/bin/env bash
# Introspection of a 2,000-table schema (columns, primary and foreign keys, an index per table), three
# ways in one run: Retort's bulk catalog queries, JDBC DatabaseMetaData per table, and Hibernate's own
# schema validation over 2,000 matching entities. Hibernate's time covers only the validation step.
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust). Usage: bench/introspection/run.sh [tables] [runs]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-2000}
runs=${2:-5}
work="$here/work"
rm -rf "$work" && mkdir -p "$work/src/bench" "$work/entities" "$work/classes"
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

(cd "$root" && ./mvnw -q -B -pl hibernate,postgresql -am install -DskipTests \
  && ./mvnw -q -B -pl hibernate dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B -pl postgresql dependency:build-classpath -Dmdep.outputFile="$work/pg.txt" -Dmdep.includeScope=runtime)
cp="$root/hibernate/target/classes:$root/postgresql/target/classes:$root/core/target/classes:$(cat "$work/deps.txt"):$(cat "$work/pg.txt")"

psqlc -d postgres -c "drop database if exists bench_introspection with (force)" -c "create database bench_introspection"
{
  for i in $(seq 0 $((n - 1))); do
    t=$(printf 't%04d' "$i")
    fk=""
    [ "$i" -gt 0 ] && fk=", parent_id bigint constraint fk_${t}_parent references $(printf 't%04d' $((i - 1))) (id)"
    echo "create table $t (id bigint primary key, name varchar(100) not null, amount numeric(12,2), created timestamp(6) with time zone, flag boolean not null$fk);"
    echo "create index ix_${t}_name on $t (name);"
  done
} > "$work/schema.sql"
psqlc -d bench_introspection -1 -f "$work/schema.sql"

for i in $(seq 0 $((n - 1))); do
  cls=$(printf 'T%04d' "$i")
  parent=""
  [ "$i" -gt 0 ] && parent="@jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY) @jakarta.persistence.JoinColumn(name = \"parent_id\") $(printf 'T%04d' $((i - 1))) parent;"
  cat > "$work/src/bench/$cls.java" <<JAVA
package bench;
@jakarta.persistence.Entity @jakarta.persistence.Table(name = "$(printf 't%04d' "$i")")
public class $cls { @jakarta.persistence.Id Long id; @jakarta.persistence.Column(length = 100, nullable = false) String name;
  @jakarta.persistence.Column(precision = 12, scale = 2) java.math.BigDecimal amount; java.time.Instant created; boolean flag; $parent }
JAVA
done
javac -nowarn -proc:none -d "$work/entities" -cp "$cp" $(find "$work/src" -name '*.java')
javac -nowarn -d "$work/classes" -cp "$cp" "$here/IntrospectionBench.java"

java -Dorg.jboss.logging.provider=slf4j -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$work/classes:$cp:$(find ~/.m2/repository/org/slf4j/slf4j-simple -name '*.jar' | head -1)" \
  IntrospectionBench jdbc:postgresql://127.0.0.1:5432/bench_introspection postgres "$work/entities" "$n" "$runs"
psqlc -d postgres -c "drop database bench_introspection with (force)"
