#!/usr/bin/env bash
# Publishing, rehearsed without leaving the machine: every published module deployed with the publish profile (sources
# and Javadoc jars) to a file repository, target/staging-repo, which StagingCheck.java then holds to what Maven Central
# asks of each artifact. Extra arguments go to Maven (e.g. -Dmaven.repo.local=...). See docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

staging="$PWD/target/staging-repo"
rm -rf "$staging"
echo "publish-check: ./mvnw -B -Ppublish deploy -DskipTests to $staging"
./mvnw -B -q -Ppublish deploy -DskipTests -Dmaven.install.skip=true -DaltDeploymentRepository="staging::file://$staging" "$@"
java .ci/StagingCheck.java "$staging"
