#!/bin/sh
# The long persistent-queue fault run (docs/reliability.md, "Persistent queues and restarts"):
# sender -> middle collector (file_storage persistent queue) -> backend collector (file exporter), separate
# processes on loopback; the backend is down for BACKEND_DOWN from the start, the middle collector is SIGKILLed
# once with the backend down and once mid-delivery. Prints sent / acknowledged / received / lost / duplicates.
#
#   scripts/fault-persistent-queue.sh [SPANS=100000] [BACKEND_DOWN=60s] [DEADLINE=10m] [WORK_DIR]
#
# Uses the built distribution (cli/target/dist/lib) and the test classes; builds them when missing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk25.sh"
if [ ! -d "$root/cli/target/dist/lib" ] || [ ! -f "$root/cli/target/test-classes/io/ottl4j/cli/fault/PersistentQueueFault.class" ]; then
  "$root/mvnw" -q -B -pl cli -am package -DskipTests >&2
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_bin" -cp "$root/cli/target/test-classes:$root/cli/target/dist/lib/*" io.ottl4j.cli.fault.PersistentQueueFault \
  "${1:-100000}" "${2:-60s}" "${3:-10m}" ${4:+"$4"}
