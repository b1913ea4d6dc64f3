#!/usr/bin/env bash
# Retort on MariaDB beside the mariadb client, Flyway 13.12.2 and Liquibase 4.33.0, in one run on the same server:
#   upgrade   N (default 1,000) trivial revisions from base, RUNS (default 3) times, the tools alternating within a run:
#             Retort's command line (`dev.retort.cli.Main upgrade`: one transaction per revision with its version and history
#             rows, under the named lock), the mariadb client running the same statements (`mariadb db < plain.sql`, no
#             bookkeeping), and Flyway migrating N equivalent V<i>__table_<i>.sql files in one JVM (FlywayMain);
#   no-op     on databases at head, whole processes with JVM start: Retort's `release` (jar with the revision index
#             migrations:index writes, and without it), Flyway's migrate, and the mariadb client's single version query (the floor);
#   generate  on E (default 300) synthetic entities, in one JVM (GenerateBench): Retort reads the entities and writes the
#             initial migration against an empty database; Liquibase diffs a database Hibernate created from the same
#             entities against an empty one and writes the changelog (what `liquibase diffChangeLog` does). Each side's
#             result is checked: Retort's migration is compiled, run and compared again; Liquibase's diff is run against it.
# Needs MariaDB on 127.0.0.1:3306 as root without password (databases bench_mariadb_*), the mariadb client, and Maven Central for
# the alternatives (pom.xml here). Usage: bench/mariadb-1000/run.sh [N] [RUNS] [E]   (MAVEN_REPO_LOCAL: the Maven local repository;
# SKIP_BUILD=1: reuse the last run's build and class paths)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib/generate.sh"
n=${1:-1000}
runs=${2:-3}
entities=${3:-300}
work="$here/work"
rm -rf "$work/src" "$work/classes" "$work/flyway-sql" "$work/gen-src" "$work/entities" "$work/gen-classes" "$work/migrations-src" "$work/migrations-classes" && mkdir -p "$work/src/bench/migrations" "$work/classes" "$work/flyway-sql" "$work/flyway-classes" "$work/gen-src/large" "$work/entities" "$work/gen-classes"
mdb() { mariadb -h 127.0.0.1 -u root "$@"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
fresh() { mdb -e "drop database if exists $1; create database $1"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
runs_of() { tr '\n' ' ' < "$work/$1"; }

repo=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}   # a local repository of your own, if you keep one
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && ./mvnw -q -B -o $repo -pl mysql,hibernate -am package -DskipTests -Dinvoker.skip \
  && ./mvnw -q -B -o $repo -pl core dependency:build-classpath -Dmdep.outputFile="$work/core.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B -o $repo -pl hibernate -am dependency:build-classpath -Dmdep.outputFile="$work/hibernate.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B $repo -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/alternatives.txt")
jars() { tr ':' '\n' < "$work/alternatives.txt" | grep -E "$1" | paste -sd:; }
# Retort's command line as an application ships it: retort-core, retort-mysql, their runtime dependencies and the MariaDB driver.
cp="$root/mysql/target/classes:$root/core/target/classes:$(cat "$work/core.txt"):$(jars 'mariadb-java-client|slf4j')"
flyway_cp="$work/flyway-classes:$(jars 'flyway|mariadb-java-client|slf4j')"
gen_cp="$root/hibernate/target/classes:$cp:$(cat "$work/hibernate.txt"):$(jars 'liquibase|opencsv|snakeyaml|jaxb|commons')"

# N revisions three ways: Java migration classes, plain SQL for the client, and Flyway's versioned SQL files.
: > "$work/plain.sql"
parent=""
for i in $(seq 1 "$n"); do
  id=$(printf 'b%011x' "$i")
  cls=$(printf 'M%05d' "$i")
  migration_class "$work/src/bench/migrations" bench.migrations "$cls" "$id" "$parent" "$i"
  echo "create table t_$i (id int primary key, v text);" >> "$work/plain.sql"
  echo "create table t_$i (id int primary key, v text);" > "$work/flyway-sql/V${i}__table_$i.sql"
  parent=$id
done
javac -nowarn -d "$work/classes" -cp "$cp" "$here/IndexMain.java" $(find "$work/src" -name '*.java')
(cd "$work/classes" && jar cf "$work/app-scan.jar" bench)
java -cp "$work/classes:$cp" IndexMain "$work/classes"
(cd "$work/classes" && jar cf "$work/app.jar" bench)
javac -nowarn -d "$work/flyway-classes" -cp "$flyway_cp" "$here/FlywayMain.java"

retort() { # jar database command...
  local jar=$1 db=$2; shift 2
  DATABASE_URL="jdbc:mariadb://127.0.0.1:3306/$db" RETORT_USER=root RETORT_PACKAGE=bench.migrations \
    java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$jar:$cp" dev.retort.cli.Main "$@"
}
flyway() { # database
  java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$flyway_cp" FlywayMain "jdbc:mariadb://127.0.0.1:3306/$1" "$work/flyway-sql"
}
count() { mdb -N -B "$1" -e "$2"; }
tables() { count "$1" "select count(*) from information_schema.tables where table_schema = '$1' and table_name like 't\\_%'"; }
expect() { [ "$2" = "$3" ] || { echo "check failed: $1: $2, expected $3" >&2; exit 1; }; }

echo "## upgrade of $n revisions from base on MariaDB ($runs runs, tools alternating, median)"
for f in up-retort up-retort-inner up-client up-flyway up-flyway-inner; do : > "$work/$f"; done
for run in $(seq 1 "$runs"); do
  fresh bench_mariadb_retort
  t=$(date +%s%N); retort "$work/app.jar" bench_mariadb_retort upgrade --json > "$work/up.json" 2> "$work/err.txt"; ms "$t" >> "$work/up-retort"
  sed -n 's/.*"elapsedMs":\([0-9]*\).*/\1/p' "$work/up.json" >> "$work/up-retort-inner"
  expect "Retort's successful history rows" "$(count bench_mariadb_retort 'select count(*) from retort_history where success')" "$n"
  expect "Retort's tables" "$(tables bench_mariadb_retort)" "$n"
  fresh bench_mariadb_client
  t=$(date +%s%N); mdb bench_mariadb_client < "$work/plain.sql"; ms "$t" >> "$work/up-client"
  expect "the client's tables" "$(tables bench_mariadb_client)" "$n"
  fresh bench_mariadb_flyway
  t=$(date +%s%N); flyway bench_mariadb_flyway > "$work/flyway.txt"; ms "$t" >> "$work/up-flyway"
  sed -n 's/.*elapsed_ms=\([0-9]*\).*/\1/p' "$work/flyway.txt" >> "$work/up-flyway-inner"
  expect "Flyway's successful history rows" "$(count bench_mariadb_flyway 'select count(*) from flyway_schema_history where success and type = "SQL"')" "$n"
  expect "Flyway's tables" "$(tables bench_mariadb_flyway)" "$n"
done
echo
echo "| upgrade of $n revisions from base | median of $runs | runs (ms) |"
echo "|---|---|---|"
echo "| Retort \`upgrade\`: the run (named lock, $n transactions with version and history rows) | $(median < "$work/up-retort-inner") ms | $(runs_of up-retort-inner)|"
echo "| Retort \`upgrade\`: whole process (JVM start included) | $(median < "$work/up-retort") ms | $(runs_of up-retort)|"
echo "| mariadb client, the same $n statements, no bookkeeping | $(median < "$work/up-client") ms | $(runs_of up-client)|"
echo "| Flyway 13.12.2 \`migrate\`: the run ($n V__ SQL files) | $(median < "$work/up-flyway-inner") ms | $(runs_of up-flyway-inner)|"
echo "| Flyway 13.12.2 \`migrate\`: whole process (JVM start included) | $(median < "$work/up-flyway") ms | $(runs_of up-flyway)|"
# Runs alternate the tools, so each run's own ratio cancels the drift between runs.
ratios() { paste -d' ' "$work/$1" "$work/$2" | awk '{printf "%.2f\n", $1 / $2}'; }
for pair in "Retort's run vs the client:up-retort-inner:up-client" "Flyway's run vs the client:up-flyway-inner:up-client" \
    "Retort's run vs Flyway's:up-retort-inner:up-flyway-inner"; do
  IFS=: read -r label a b <<<"$pair"
  echo; echo "$label, run by run: $(ratios "$a" "$b" | tr '\n' ' ')(median $(ratios "$a" "$b" | median)x)"
done

echo
echo "## no-op with $n applied revisions ($runs runs, whole processes, median)"
for f in noop-index noop-scan noop-flyway noop-client; do : > "$work/$f"; done
for run in $(seq 1 "$runs"); do
  t=$(date +%s%N); retort "$work/app.jar" bench_mariadb_retort release > "$work/out.txt"; ms "$t" >> "$work/noop-index"
  grep -q "nothing to do" "$work/out.txt" || { echo "check failed: Retort's release did not find the database at head" >&2; cat "$work/out.txt" >&2; exit 1; }
  t=$(date +%s%N); retort "$work/app-scan.jar" bench_mariadb_retort release > "$work/out.txt"; ms "$t" >> "$work/noop-scan"
  grep -q "nothing to do" "$work/out.txt" || { echo "check failed: Retort's release (scan) did not find the database at head" >&2; exit 1; }
  t=$(date +%s%N); flyway bench_mariadb_flyway > "$work/flyway.txt"; ms "$t" >> "$work/noop-flyway"
  grep -q "applied=0 " "$work/flyway.txt" || { echo "check failed: Flyway applied something at head" >&2; exit 1; }
  t=$(date +%s%N); mdb -N -B bench_mariadb_retort -e "select * from retort_version" > "$work/out.txt"; ms "$t" >> "$work/noop-client"
  [ -s "$work/out.txt" ]
done
echo
echo "| no-op, $n applied revisions | median of $runs | runs (ms) |"
echo "|---|---|---|"
echo "| Retort \`release\`, jar with revision index | $(median < "$work/noop-index") ms | $(runs_of noop-index)|"
echo "| Retort \`release\`, jar without index (scan) | $(median < "$work/noop-scan") ms | $(runs_of noop-scan)|"
echo "| Flyway 13.12.2 \`migrate\` at head | $(median < "$work/noop-flyway") ms | $(runs_of noop-flyway)|"
echo "| mariadb client, one query of the version table (the floor) | $(median < "$work/noop-client") ms | $(runs_of noop-client)|"
for db in bench_mariadb_retort bench_mariadb_client bench_mariadb_flyway; do mdb -e "drop database if exists $db"; done

echo
echo "## generate on $entities entities"
echo
entity_classes "$work/gen-src/large" "$entities"
javac -nowarn -proc:none -d "$work/entities" -cp "$gen_cp" $(find "$work/gen-src" -name '*.java')
javac -nowarn -d "$work/gen-classes" -cp "$gen_cp" "$here/GenerateBench.java" "$here/../lib/BenchSupport.java"
# Liquibase snapshots objects recursively along foreign keys: a long chain overflows the default stack.
java -Xss256m -Dorg.jboss.logging.provider=slf4j -cp "$work/gen-classes:$gen_cp" \
  GenerateBench jdbc:mariadb://127.0.0.1:3306/ "$work/entities" "$entities" "$work" "$gen_cp" 2> "$work/generate-err.txt" \
  || { tail -20 "$work/generate-err.txt" >&2; exit 1; }
