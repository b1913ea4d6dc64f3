#!/usr/bin/env bash
# Upgrade of N (default 1,000) trivial revisions from base, three ways, in one run:
#   retort         java BenchMain: scan + validate + upgrade (per-revision transactions, version table, history)
#   psql -1 -f     the same migration SQL as one psql transaction, no bookkeeping (the floor)
#   psql -f script Retort's offline script (same bookkeeping and per-revision transactions) run by psql
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust) and psql. Usage: bench/upgrade-1000/run.sh [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib/generate.sh"
n=${1:-1000}
work="$here/work"
rm -rf "$work" && mkdir -p "$work/src/bench/migrations" "$work/classes"
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

(cd "$root" && ./mvnw -q -B -pl postgresql -am install -DskipTests \
  && ./mvnw -q -B -pl postgresql -am dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime)
cp="$root/postgresql/target/classes:$(cat "$work/deps.txt")"

: > "$work/plain.sql"
parent=""
for i in $(seq 1 "$n"); do
  id=$(printf 'b%011x' "$i")
  cls=$(printf 'M%05d' "$i")
  migration_class "$work/src/bench/migrations" bench.migrations "$cls" "$id" "$parent" "$i"
  echo "create table t_$i (id int primary key, v text);" >> "$work/plain.sql"
  parent=$id
done
javac -nowarn -d "$work/classes" -cp "$cp" "$here/BenchMain.java" $(find "$work/src" -name '*.java')
run_cp="$work/classes:$cp"
java -cp "$run_cp" BenchMain sql jdbc:postgresql://127.0.0.1:5432/postgres > "$work/script.sql"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
fresh() { psqlc -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"; }

echo "| run | retort (JVM start + scan + upgrade) | retort upgrade only | psql -1 -f (migration SQL only) | psql -f (Retort's offline script) |"
echo "|---|---|---|---|---|"
for run in 1 2 3; do
  fresh bench_retort
  t=$(date +%s%N)
  inner=$(java -cp "$run_cp" BenchMain upgrade jdbc:postgresql://127.0.0.1:5432/bench_retort 2>&1 >/dev/null)
  retort_ms=$(ms "$t")
  upgrade_ms=$(sed -n 's/.*upgrade_ms=\([0-9]*\).*/\1/p' <<<"$inner")
  [ "$(psqlc -d bench_retort -tAc 'select count(*) from retort_history where success')" = "$n" ]

  fresh bench_psql
  t=$(date +%s%N)
  psqlc -d bench_psql -1 -f "$work/plain.sql"
  psql_ms=$(ms "$t")

  fresh bench_script
  t=$(date +%s%N)
  psqlc -d bench_script -f "$work/script.sql"
  script_ms=$(ms "$t")

  echo "| $run | ${retort_ms} ms | ${upgrade_ms} ms ($inner) | ${psql_ms} ms | ${script_ms} ms |"
done
psqlc -d postgres -c "drop database bench_retort with (force)" -c "drop database bench_psql with (force)" -c "drop database bench_script with (force)"
