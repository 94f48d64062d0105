#!/usr/bin/env bash
# Installs the Java kernel for the notebooks: io.github.padreati:rapaio-jupyter-kernel (Maven
# Central, version pinned in the parent pom) as the user's Jupyter kernelspec "java", started with
# the JVM flags Spark needs on Java 17. Idempotent: does nothing when that kernelspec is in place.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(sed -n 's:.*<rapaio.kernel.version>\(.*\)</rapaio.kernel.version>.*:\1:p' "$root/pom.xml")
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$root/pom.xml")
name=rapaio-jupyter-kernel-$version.jar
m2=${MAVEN_REPO:-$HOME/.m2/repository}/io/github/padreati/rapaio-jupyter-kernel/$version/$name
target=$(jupyter --data-dir)/kernels/java
want=$(/usr/bin/python3 - "$target/$name" $opens <<'PY'
import json, sys
jar, opens = sys.argv[1], sys.argv[2:]
argv = ["java", "--add-modules", "jdk.jshell", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"] + opens + ["-jar", jar, "{connection_file}"]
print(json.dumps({"argv": argv, "display_name": "Java", "language": "java",
                  "env": {"RJK_TIMEOUT_MILLIS": "-1"}}, indent=1))
PY
)
if [ -f "$target/$name" ] && [ "$(cat "$target/kernel.json" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
if [ ! -f "$m2" ]; then
  mvn -q -B -Dstyle.color=never dependency:get -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$version" -Dtransitive=false >&2
fi
spec=$(mktemp -d)
trap 'rm -rf "$spec"' EXIT
cp "$m2" "$spec/$name"
printf '%s' "$want" >"$spec/kernel.json"
jupyter kernelspec install --user --name java "$spec" >/dev/null 2>&1 || jupyter kernelspec install --user --replace --name java "$spec" >/dev/null
echo "installed the Java kernel (rapaio $version) as Jupyter kernelspec 'java' in $target" >&2
