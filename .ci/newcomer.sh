#!/usr/bin/env bash
# A new user's first hour, as the docs say it, from an empty local repository:
#   1. docs/quickstart.md "A new project" before Retort is there: mvn archetype:generate fails as the quickstart says;
#   2. "Get Retort" as written: ./mvnw -B install -DskipTests in this repository;
#   3. "A new project" as written, with the system's mvn (Debian's 3.8.7 here): archetype:generate, ./mvnw verify;
#   4. every plain-jar command line of the recipe pages (docs/release.md, docs/quickstart.md) on that project, with
#      their build commands, against fresh databases (dev.retort.testing.Recipes; the Spring Boot ones run in
#      the starter's ITs).
# The user is a Maven user home of its own ($work/home): a settings.xml whose <localRepository> is an empty directory
# ($work/repository), so the test also shows that Retort lands where the user's settings say. Run after the build
# (.ci/run): test-support's classes come from it. See docs/testing.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/retort-newcomer.XXXXXX")"
home="$work/home"
repository="$work/repository"
mkdir -p "$home/.m2" "$work/projects"
cat > "$home/.m2/settings.xml" <<EOF
<settings>
  <localRepository>$repository</localRepository>
</settings>
EOF
# Maven's user home is the new user's; the Maven distributions the wrappers download stay cached where they are
# (MAVEN_USER_HOME), being Maven itself rather than anything the docs are about.
export MAVEN_OPTS="-Duser.home=$home"
export MAVEN_USER_HOME="${MAVEN_USER_HOME:-$HOME/.m2}"
unset MAVEN_ARGS DATABASE_URL RETORT_URL SPRING_DATASOURCE_URL

passed=0
failed=0
step() {
    echo
    echo "newcomer: $1"
    started=$SECONDS
}
done_step() {
    echo "newcomer: ok ($((SECONDS - started)) s)"
    passed=$((passed + 1))
}
fail() {
    echo "newcomer: FAILED: $1 (files kept in $work)"
    failed=$((failed + 1))
    echo "newcomer: $passed passed, $failed failed"
    exit 1
}

# The code block after the <!-- newcomer: NAME --> marker of a page.
block() {
    awk -v name="$2" '
        index($0, "<!-- newcomer: " name " ") { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }
    ' "$root/docs/$1"
}

# The quickstart's reader has a distribution's Maven: Debian's (3.8.7 on Debian 12) where none is installed yet.
if ! command -v mvn >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "newcomer: installing Debian's maven"
    apt-get install -y -qq maven >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq maven >/dev/null 2>&1; } || true
fi
command -v mvn >/dev/null 2>&1 || fail "no mvn on the PATH: the quickstart's first command is the reader's own mvn (apt-get install maven)"

new_project="$(block quickstart.md new-project)"
get_retort="$(block quickstart.md get-retort)"
[ -n "$new_project" ] && [ -n "$get_retort" ] || fail "docs/quickstart.md has no get-retort or new-project block"
echo "newcomer: $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g'), user home $home, local repository $repository"

step "1. before Retort is installed, the quickstart's archetype:generate fails as the quickstart says"
generate="$(printf '%s\n' "$new_project" | sed -n '/archetype:generate/,/[^\\]$/p')"
if (cd "$work/projects" && bash -c "$generate" > "$work/before.log" 2>&1); then
    fail "archetype:generate found an archetype before Retort was installed"
fi
grep -q "The desired archetype does not exist (dev.retort:retort-archetype:0.1.0-SNAPSHOT)" "$work/before.log" \
    || { tail -n 30 "$work/before.log"; fail "archetype:generate failed otherwise than docs/quickstart.md says"; }
rm -rf "$work/projects/shop"
done_step

step "2. get Retort, as docs/quickstart.md says: $(printf '%s' "$get_retort" | tr '\n' ';')"
# Retort's own build reads the plugins and libraries it builds with from the machine's local repository when there is
# one (Maven 3.9's read-only tail), so only what the new user's builds need comes from Maven Central into theirs.
tail_repository=""
if [ -d "$HOME/.m2/repository" ]; then
    tail_repository="-Dmaven.repo.local.tail=$HOME/.m2/repository"
fi
while IFS= read -r line; do
    case "$line" in
        "git clone "*) echo "\$ $line   # this checkout is the clone" ;;
        "cd retort") cd "$root" ;;
        "") ;;
        *)
            echo "\$ $line"
            (cd "$root" && MAVEN_ARGS="$tail_repository" bash -c "$line" > "$work/install.log" 2>&1) \
                || { tail -n 40 "$work/install.log"; fail "$line"; }
            ;;
    esac
done <<< "$get_retort"
for artifact in retort-archetype retort-maven-plugin retort-core retort-spring-boot-starter; do
    [ -f "$repository/dev/retort/$artifact/0.1.0-SNAPSHOT/$artifact-0.1.0-SNAPSHOT.jar" ] \
        || fail "$artifact is not in the local repository settings.xml names ($repository)"
done
done_step

step "3. a new project, as docs/quickstart.md says: $(printf '%s' "$new_project" | tr '\n' ' ')"
(cd "$work/projects" && bash -e -c "$new_project" > "$work/project.log" 2>&1) \
    || { tail -n 60 "$work/project.log"; fail "the quickstart's new project"; }
grep -q "Migrations check passed" "$work/project.log" || fail "./mvnw verify did not run migrations:check"
grep -q "Tests run: 1, Failures: 0, Errors: 0" "$work/project.log" || fail "./mvnw verify did not run MigrationsIT"
done_step

step "4. the recipe pages' command lines for the project's plain jar"
(cd "$root" && MAVEN_ARGS="$tail_repository" ./mvnw -B -q -pl test-support dependency:build-classpath \
    -Dmdep.outputFile="$work/test-support.classpath" > "$work/classpath.log" 2>&1) \
    || { tail -n 40 "$work/classpath.log"; fail "test-support's class path"; }
java -cp "$root/test-support/target/classes:$(cat "$work/test-support.classpath")" dev.retort.testing.Recipes \
    "$root/docs" "$work/projects/shop" || fail "the recipes"
done_step

rm -rf "$work"
echo "newcomer: $passed passed, $failed failed"
