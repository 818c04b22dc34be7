# Sourced by ./mvnw and ./ottl: sets JAVA_HOME to a JDK 25, or stops with a message naming what
# was found. Order: $JAVA_HOME, `java` on PATH, then /usr/lib/jvm/* (and macOS/SDKMAN homes).
# Kept POSIX sh so that it works under the Maven wrapper's `set -euf`.
ottl_jdk_major() {
  # prints the feature version of the JDK whose home is $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}
ottl_find_jdk25() {
  ottl_seen=""
  # the Maven wrapper runs with `set -f`; globbing is needed here
  case $- in *f*) ottl_noglob=1; set +f ;; *) ottl_noglob=0 ;; esac
  for ottl_home in "${JAVA_HOME-}" \
      "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
      /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME-}/.sdkman/candidates/java"/*; do
    [ -n "$ottl_home" ] && [ -d "$ottl_home" ] || continue
    ottl_major=$(ottl_jdk_major "$ottl_home")
    [ -n "$ottl_major" ] || continue
    ottl_seen="$ottl_seen
  $ottl_home (Java $ottl_major)"
    if [ "$ottl_major" = 25 ]; then
      JAVA_HOME="$ottl_home"; export JAVA_HOME
      [ "$ottl_noglob" = 0 ] || set -f
      return 0
    fi
  done
  echo "ottl4j needs a JDK 25 (Truffle's optimising runtime is tested on 25), but found none." >&2
  if [ -n "$ottl_seen" ]; then echo "JDKs found:$ottl_seen" >&2; else echo "No JDK found at all." >&2; fi
  echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  exit 1
}
ottl_find_jdk25
