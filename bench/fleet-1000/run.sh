#!/usr/bin/env bash
# A fleet of N (default 1,000) tenant schemas on one local PostgreSQL, R (default 10) revisions each, side by side:
#   fleet, --parallel 1, 4, 8   one JVM: `dev.retort.cli.Main upgrade --targets tenants.txt --parallel P` from base,
#                               its wall time and the JVM's peak memory (maximum resident set size);
#   no-op                        the same command again, every schema at head (one query per schema);
#   shell loop                   what a fleet looks like without fleets: one JVM of the command line per schema
#                                (`upgrade --schema S` on a URL with currentSchema=S), timed over the first LOOP (default 50) schemas and scaled to N.
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust), psql and /usr/bin/time. Usage: bench/fleet-1000/run.sh [N] [R] [LOOP]
# (MAVEN_REPO_LOCAL: the Maven local repository to build with).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-1000}
revisions=${2:-10}
loop=${3:-50}
work="$here/work"
db=bench_fleet
rm -rf "$work" && mkdir -p "$work/src/bench/fleet" "$work/classes"
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
fresh() { psqlc -d postgres -c "drop database if exists $db with (force)" -c "create database $db"; }

repo=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}   # a local repository of your own, if you keep one
(cd "$root" && ./mvnw -q -B -o $repo -pl postgresql -am package -DskipTests -Dinvoker.skip \
  && ./mvnw -q -B -o $repo -pl postgresql -am dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime)
cp="$root/postgresql/target/classes:$root/core/target/classes:$(cat "$work/deps.txt")"

parent=""
for i in $(seq 1 "$revisions"); do
  id=$(printf 'f%011x' "$i")
  cls=$(printf 'T%03d' "$i")
  cat > "$work/src/bench/fleet/$cls.java" <<JAVA
package bench.fleet;
@dev.retort.Revision(id = "$id"${parent:+, parents = \"$parent\"}, message = "table $i")
public final class $cls implements dev.retort.Migration {
    public void upgrade(dev.retort.operation.Operations op) { op.execute("create table t_$i (id int primary key, v text)"); }
    public void downgrade(dev.retort.operation.Operations op) { op.execute("drop table t_$i"); }
}
JAVA
  parent=$id
done
javac -q -d "$work/classes" -cp "$cp" "$work"/src/bench/fleet/*.java 2>/dev/null || javac -d "$work/classes" -cp "$cp" "$work"/src/bench/fleet/*.java
seq -f 'tenant_%04g' 1 "$n" > "$work/tenants.txt"

export DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db" RETORT_USER=postgres RETORT_PACKAGE=bench.fleet
java_opts=(-XX:TieredStopAtLevel=1 -cp "$work/classes:$cp")
run() { # run LABEL ARGS...: prints "wall_ms peak_kb"
  local start; start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" java "${java_opts[@]}" dev.retort.cli.Main "$@" > "$work/out.txt" 2> "$work/err.txt" \
    || { echo "failed: $*" >&2; tail -5 "$work/out.txt" "$work/err.txt" >&2; exit 1; }
  echo "$(ms "$start") $(tail -1 "$work/rss")"
}
check_all_at_head() {
  local at; at=$(psqlc -d $db -Atc "select count(*) from information_schema.tables where table_name = 't_$revisions' and table_schema like 'tenant\_%'")
  [ "$at" = "$n" ] || { echo "only $at of $n schemas at head" >&2; exit 1; }
}

echo "| run | wall time | per schema | peak memory (RSS) |"
echo "|---|---|---|---|"
for p in 1 4 8; do
  fresh
  read -r wall rss < <(run upgrade --targets "$work/tenants.txt" --parallel "$p")
  check_all_at_head
  echo "| fleet, --parallel $p, $n schemas × $revisions revisions from base | $wall ms | $(( wall / n )) ms | $(( rss / 1024 )) MB |"
  if [ "$p" = 8 ]; then
    read -r wall rss < <(run upgrade --targets "$work/tenants.txt" --parallel 8)
    echo "| fleet no-op, --parallel 8, all $n at head | $wall ms | $(awk -v w="$wall" -v n="$n" 'BEGIN{printf "%.1f", w/n}') ms | $(( rss / 1024 )) MB |"
  fi
done
fresh
start=$(date +%s%N)
head -n "$loop" "$work/tenants.txt" | while read -r schema; do
  DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=$schema" java "${java_opts[@]}" dev.retort.cli.Main upgrade \
    --schema "$schema" > /dev/null 2>&1 || { echo "loop failed on $schema" >&2; exit 1; }
done
wall=$(ms "$start")
echo "| shell loop, one JVM per schema, $loop schemas (scaled to $n: $(( wall * n / loop / 1000 )) s) | $wall ms | $(( wall / loop )) ms | one JVM each |"
