#!/usr/bin/env bash
# The deploy path with N (default 1,000) revisions, side by side in one run:
#   no-op release  `java -cp app.jar dev.retort.cli.Main release` on a database already at head (app.jar carries the
#                  revision index migrations:index writes), the same without the index (scanning), and Alembic's
#                  `alembic upgrade head` on its own database already at head: whole processes, interpreter and JVM start included;
#   upgrade        Retort's command line from base to head (one transaction per revision, with its version and history
#                  rows), beside psql running the same statements with one transaction per revision and no bookkeeping,
#                  and Alembic's `alembic upgrade head` (transaction_per_migration=True).
# Needs PostgreSQL on 127.0.0.1:5432 as postgres (trust), psql, python3, and Alembic wheels (default /opt/pypi/files, or
# ALEMBIC_WHEELS; PyPI itself is not needed). Usage: bench/release-1000/run.sh [N] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib/generate.sh"
n=${1:-1000}
runs=${2:-5}
work="$here/work"
wheels=${ALEMBIC_WHEELS:-/opt/pypi/files}
rm -rf "$work" && mkdir -p "$work/src/bench/migrations" "$work/classes" "$work/alembic/versions"
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
fresh() { psqlc -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

(cd "$root" && ./mvnw -q -B -o -pl postgresql -am package -DskipTests \
  && ./mvnw -q -B -o -pl postgresql -am dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime)
cp="$root/postgresql/target/classes:$(cat "$work/deps.txt")"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --no-index --find-links "$wheels" alembic psycopg2-binary 'sqlalchemy<2.1'
alembic_version=$("$work/venv/bin/python" -c 'import alembic; print(alembic.__version__)')

# N migrations three ways: Java classes, Alembic revision files, and plain SQL with one transaction per revision.
: > "$work/per-revision.sql"
parent=""
for i in $(seq 1 "$n"); do
  id=$(printf 'b%011x' "$i")
  cls=$(printf 'M%05d' "$i")
  migration_class "$work/src/bench/migrations" bench.migrations "$cls" "$id" "$parent" "$i"
  if [ -n "$parent" ]; then down="\"$parent\""; else down=None; fi
  cat > "$work/alembic/versions/${id}_table_$i.py" <<PY
from alembic import op
revision = "$id"
down_revision = $down
branch_labels = None
depends_on = None
def upgrade():
    op.execute("create table t_$i (id int primary key, v text)")
def downgrade():
    op.execute("drop table t_$i")
PY
  printf 'BEGIN;\ncreate table t_%s (id int primary key, v text);\nCOMMIT;\n' "$i" >> "$work/per-revision.sql"
  parent=$id
done
cat > "$work/alembic/alembic.ini" <<'INI'
[alembic]
script_location = %(here)s
[loggers]
keys = root
[handlers]
keys = console
[formatters]
keys = generic
[logger_root]
level = WARNING
handlers = console
[handler_console]
class = StreamHandler
args = (sys.stderr,)
formatter = generic
[formatter_generic]
format = %(message)s
INI
cat > "$work/alembic/env.py" <<'PY'
import os
from alembic import context
from sqlalchemy import create_engine
engine = create_engine(os.environ["ALEMBIC_URL"])
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
PY
cp "$work/venv/lib/python3.11/site-packages/alembic/templates/generic/script.py.mako" "$work/alembic/" 2>/dev/null || true

javac -nowarn -d "$work/classes" -cp "$cp" "$here/IndexMain.java" $(find "$work/src" -name '*.java')
(cd "$work/classes" && jar cf "$work/app-scan.jar" bench)
java -cp "$work/classes:$cp" IndexMain "$work/classes"
(cd "$work/classes" && jar cf "$work/app.jar" bench)
app="$work/app.jar:$cp"
scan="$work/app-scan.jar:$cp"

retort() { # jar database command...
  local jar=$1 db=$2; shift 2
  DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db" RETORT_USER=postgres RETORT_PACKAGE=bench.migrations \
    java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$jar" dev.retort.cli.Main "$@"
}
alembic() { # database command...
  local db=$1; shift
  (cd "$work/alembic" && ALEMBIC_URL="postgresql+psycopg2://postgres@127.0.0.1:5432/$db" "$work/venv/bin/alembic" -c alembic.ini "$@")
}

echo "## no-op release with $n applied revisions ($runs runs, whole processes, median)"
fresh bench_noop_retort; retort "$app" bench_noop_retort upgrade > /dev/null
fresh bench_noop_alembic; alembic bench_noop_alembic upgrade head
: > "$work/noop-index"; : > "$work/noop-scan"; : > "$work/noop-alembic"
for run in $(seq 1 "$runs"); do
  t=$(date +%s%N); retort "$app" bench_noop_retort release > "$work/out.txt"; ms "$t" >> "$work/noop-index"
  grep -q "nothing to do" "$work/out.txt"
  t=$(date +%s%N); retort "$scan" bench_noop_retort release > /dev/null; ms "$t" >> "$work/noop-scan"
  t=$(date +%s%N); alembic bench_noop_alembic upgrade head; ms "$t" >> "$work/noop-alembic"
done
echo
echo "| what | median | runs (ms) |"
echo "|---|---|---|"
echo "| Retort \`release\`, jar with revision index | $(median < "$work/noop-index") ms | $(tr '\n' ' ' < "$work/noop-index")|"
echo "| Retort \`release\`, jar without index (scan) | $(median < "$work/noop-scan") ms | $(tr '\n' ' ' < "$work/noop-scan")|"
echo "| Alembic $alembic_version \`upgrade head\` | $(median < "$work/noop-alembic") ms | $(tr '\n' ' ' < "$work/noop-alembic")|"

echo
echo "## upgrade of $n revisions from base ($runs runs, median)"
: > "$work/up-retort"; : > "$work/up-retort-inner"; : > "$work/up-psql"; : > "$work/up-alembic"
for run in $(seq 1 "$runs"); do
  fresh bench_up_retort
  t=$(date +%s%N); retort "$app" bench_up_retort upgrade --json > "$work/up.json" 2> /dev/null; ms "$t" >> "$work/up-retort"
  sed -n 's/.*"elapsedMs":\([0-9]*\).*/\1/p' "$work/up.json" >> "$work/up-retort-inner"
  [ "$(psqlc -d bench_up_retort -tAc 'select count(*) from retort_history where success')" = "$n" ]
  fresh bench_up_psql
  t=$(date +%s%N); psqlc -d bench_up_psql -f "$work/per-revision.sql"; ms "$t" >> "$work/up-psql"
  fresh bench_up_alembic
  t=$(date +%s%N); alembic bench_up_alembic upgrade head; ms "$t" >> "$work/up-alembic"
done
inner=$(median < "$work/up-retort-inner"); psqlm=$(median < "$work/up-psql"); whole=$(median < "$work/up-retort")
echo
echo "| what | median | runs (ms) |"
echo "|---|---|---|"
echo "| Retort \`upgrade\`: the run (lock, $n transactions with version and history rows) | $inner ms | $(tr '\n' ' ' < "$work/up-retort-inner")|"
echo "| Retort \`upgrade\`: whole process (JVM start included) | $whole ms | $(tr '\n' ' ' < "$work/up-retort")|"
echo "| psql -f, the same statements, one transaction per revision, no bookkeeping | $psqlm ms | $(tr '\n' ' ' < "$work/up-psql")|"
echo "| Alembic $alembic_version \`upgrade head\`, transaction per migration | $(median < "$work/up-alembic") ms | $(tr '\n' ' ' < "$work/up-alembic")|"
echo
echo "Retort's run vs psql: $(awk -v a="$inner" -v b="$psqlm" 'BEGIN {printf "%.2f", a / b}')x; whole process vs psql: $(awk -v a="$whole" -v b="$psqlm" 'BEGIN {printf "%.2f", a / b}')x"
# Runs alternate the tools, so each run's own ratio cancels the drift between runs; their median is the steadier figure.
ratios=$(paste -d' ' "$work/up-retort-inner" "$work/up-psql" | awk '{printf "%.2f\n", $1 / $2}')
echo "Retort's run vs psql, run by run: $(echo "$ratios" | tr '\n' ' ')(median $(echo "$ratios" | median)x)"
for db in bench_noop_retort bench_noop_alembic bench_up_retort bench_up_psql bench_up_alembic; do
  psqlc -d postgres -c "drop database if exists $db with (force)"
done
