#!/usr/bin/env bash
# A fleet of N (default 1,000) tenant schemas on one local PostgreSQL, R (default 10) revisions each, side by side:
#   fleet, --parallel 1, 4, 8   one JVM: `dev.retort.cli.Main upgrade --targets tenants.txt --parallel P` from base,
#                               its wall time and the JVM's peak memory (maximum resident set size);
#   no-op                        the same command again, every schema at head (one query per schema);
#   shell loop                   what a fleet looks like without fleets: one JVM of the command line per schema
#                                (`upgrade --schema S` on a URL with currentSchema=S), timed over the first LOOP (default 20) schemas and scaled to N;
#   Flyway loop                  the same loop with Flyway 13.12.2: one JVM per schema (FlywayMain: Flyway.configure()...schemas(S).migrate())
#                                over R equivalent V<i>__table_<i>.sql files, timed over the same LOOP schemas and scaled to N.
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust), psql and /usr/bin/time, and Maven Central for Flyway (pom.xml here).
# Usage: bench/fleet-1000/run.sh [N] [R] [LOOP]
# (MAVEN_REPO_LOCAL: the Maven local repository to build with).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib/generate.sh"
n=${1:-1000}
revisions=${2:-10}
loop=${3:-20}
work="$here/work"
db=bench_fleet
rm -rf "$work" && mkdir -p "$work/src/bench/fleet" "$work/classes" "$work/flyway-sql" "$work/flyway-classes"
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
fresh() { psqlc -d postgres -c "drop database if exists $db with (force)" -c "create database $db"; }

repo=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}   # a local repository of your own, if you keep one
(cd "$root" && ./mvnw -q -B -o $repo -pl postgresql -am package -DskipTests -Dinvoker.skip \
  && ./mvnw -q -B -o $repo -pl postgresql -am dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime \
  && ./mvnw -q -B $repo -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/flyway.txt")
cp="$root/postgresql/target/classes:$root/core/target/classes:$(cat "$work/deps.txt")"
flyway_cp="$work/flyway-classes:$(cat "$work/flyway.txt")"
javac -nowarn -d "$work/flyway-classes" -cp "$flyway_cp" "$here/FlywayMain.java"

parent=""
for i in $(seq 1 "$revisions"); do
  id=$(printf 'f%011x' "$i")
  cls=$(printf 'T%03d' "$i")
  migration_class "$work/src/bench/fleet" bench.fleet "$cls" "$id" "$parent" "$i"
  echo "create table t_$i (id int primary key, v text);" > "$work/flyway-sql/V${i}__table_$i.sql"
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
check_all_at_head() { # [EXPECTED, default N]
  local want=${1:-$n} at; at=$(psqlc -d $db -Atc "select count(*) from information_schema.tables where table_name = 't_$revisions' and table_schema like 'tenant\_%'")
  [ "$at" = "$want" ] || { echo "only $at of $want schemas at head" >&2; exit 1; }
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
loop_run() { # loop_run NAME: runs "$work/one-NAME" SCHEMA over the first LOOP schemas, prints "wall_ms peak_kb" of the loop's largest JVM
  local start peak=0 rss; start=$(date +%s%N)
  while read -r schema; do
    /usr/bin/time -f '%M' -o "$work/rss" "$work/one-$1" "$schema" > "$work/out.txt" 2> "$work/err.txt" \
      || { echo "$1 loop failed on $schema" >&2; tail -5 "$work/out.txt" "$work/err.txt" >&2; exit 1; }
    rss=$(tail -1 "$work/rss"); [ "$rss" -gt "$peak" ] && peak=$rss
  done < <(head -n "$loop" "$work/tenants.txt")
  echo "$(ms "$start") $peak"
}
cat > "$work/one-retort" <<SH
#!/usr/bin/env bash
DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=\$1" exec java ${java_opts[*]} dev.retort.cli.Main upgrade --schema "\$1"
SH
cat > "$work/one-flyway" <<SH
#!/usr/bin/env bash
exec java -XX:TieredStopAtLevel=1 -cp "$flyway_cp" FlywayMain "jdbc:postgresql://127.0.0.1:5432/$db" "\$1" "$work/flyway-sql"
SH
chmod +x "$work/one-retort" "$work/one-flyway"
for tool in retort flyway; do
  fresh
  read -r wall rss < <(loop_run $tool)
  check_all_at_head "$loop"
  if [ $tool = retort ]; then label="shell loop of Retort's command line"; else label="shell loop of Flyway 13.12.2"; fi
  echo "| $label, one JVM per schema, $loop schemas (scaled to $n: $(( wall * n / loop / 1000 )) s) | $wall ms | $(( wall / loop )) ms | $(( rss / 1024 )) MB each JVM at most |"
done
psqlc -d postgres -c "drop database if exists $db with (force)"
