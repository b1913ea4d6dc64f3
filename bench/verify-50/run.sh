#!/usr/bin/env bash
# migrations:verify's work (Retort.verify) on a project of N (default 50) revisions of the kinds autogenerate writes:
# a table with a foreign key to the one before, a column added, an index built, a column altered. Each revision is
# upgraded, downgraded and upgraded again on a fresh scratch database, the schema read after every step; then the
# schema at head is compared with the entities and every revision rendered twice.
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust). Usage: bench/verify-50/run.sh [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-50}
work="$here/work"
rm -rf "$work" && mkdir -p "$work/src/bench/migrations" "$work/classes"
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

(cd "$root" && ./mvnw -q -B -pl postgresql -am package -DskipTests \
  && ./mvnw -q -B -pl postgresql -am dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime)
cp="$root/postgresql/target/classes:$(cat "$work/deps.txt")"

parent=""
for i in $(seq 1 "$n"); do
  id=$(printf 'v%011x' "$i")
  cls=$(printf 'M%05d' "$i")
  case $((i % 4)) in
    1) parent_fk=""
       if [ "$i" -gt 1 ]; then
         parent_fk=", column(\"parent_id\", bigint()), foreignKey(\"fk_t_${i}_parent\", \"parent_id\").references(\"t_$((i - 4))\", \"id\")"
       fi
       up="op.createTable(\"t_$i\", column(\"id\", bigint()).notNull(), column(\"name\", varchar(100)).notNull(),
           column(\"created\", timestamptz()).defaultValue(\"now()\"), primaryKey(\"t_${i}_pkey\", \"id\")$parent_fk);"
       down="op.dropTable(\"t_$i\");" ;;
    2) up="op.addColumn(\"t_$((i - 1))\", column(\"email\", varchar(320)));"
       down="op.dropColumn(\"t_$((i - 1))\", \"email\");" ;;
    3) up="op.createIndex(\"ix_t_$((i - 2))_email\", \"t_$((i - 2))\", \"email\");"
       down="op.dropIndex(\"ix_t_$((i - 2))_email\");" ;;
    0) up="op.alterColumnType(\"t_$((i - 3))\", \"name\", varchar(200)).from(varchar(100));"
       down="op.alterColumnType(\"t_$((i - 3))\", \"name\", varchar(100)).from(varchar(200));" ;;
  esac
  cat > "$work/src/bench/migrations/$cls.java" <<JAVA
package bench.migrations;
import static dev.retort.operation.Types.*;
@dev.retort.Revision(id = "$id"${parent:+, parents = \"$parent\"}, message = "step $i")
public final class $cls implements dev.retort.Migration {
    public void upgrade(dev.retort.operation.Operations op) { $up }
    public void downgrade(dev.retort.operation.Operations op) { $down }
}
JAVA
  parent=$id
done
javac -nowarn -d "$work/classes" -cp "$cp" "$here/VerifyBench.java" $(find "$work/src" -name '*.java')
run_cp="$work/classes:$cp"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
echo "| run | revisions | JVM start + verify | verify only |"
echo "|---|---|---|---|"
for run in 1 2 3; do
  psqlc -d postgres -c "drop database if exists bench_verify_ref with (force)" -c "create database bench_verify_ref"
  t=$(date +%s%N)
  inner=$(java -cp "$run_cp" VerifyBench jdbc:postgresql://127.0.0.1:5432/bench_verify_ref jdbc:postgresql://127.0.0.1:5432/postgres 2>&1 >/dev/null)
  total=$(ms "$t")
  echo "| $run | $(sed -n 's/.*revisions=\([0-9]*\).*/\1/p' <<<"$inner") | ${total} ms | $(sed -n 's/.*verify_ms=\([0-9]*\).*/\1/p' <<<"$inner") ms |"
done
psqlc -d postgres -c "drop database bench_verify_ref with (force)"
