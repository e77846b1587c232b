#!/usr/bin/env bash
# Builds the Linux app-image and .deb into TARGET/dist from the packaged jar, its libraries
# (TARGET/lib) and the bundled demo (sample-data/). Called by `./mvnw -Ppackage package`;
# runs on its own too, after `./mvnw -DskipTests package`:
#   JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 packaging/linux/build.sh target 0.1.0-SNAPSHOT
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$(cd "${1:?usage: build.sh TARGET VERSION}" && pwd)"
# jpackage takes numbers only (the .deb version is VERSION-RELEASE): 0.1.0-SNAPSHOT becomes 0.1.0.
version="${2:?usage: build.sh TARGET VERSION}"
version="${version%%-*}"
jpackage="${JAVA_HOME:?JAVA_HOME must name the JDK whose jpackage and jmods are used}/bin/jpackage"

for tool in fakeroot dpkg-deb objcopy; do
    if ! command -v "$tool" >/dev/null; then
        echo "error: building the .deb needs $tool (apt-get install fakeroot dpkg binutils)" >&2
        exit 1
    fi
done
if [[ ! -f "$target/spin-workbench.jar" || ! -d "$target/lib" ]]; then
    echo "error: $target/spin-workbench.jar and $target/lib are missing; run ./mvnw -DskipTests package first" >&2
    exit 1
fi

start=$SECONDS
input="$target/jpackage/input"
dist="$target/dist"
rm -rf "$input" "$dist"
mkdir -p "$input" "$dist"
# The image's lib/app folder: the jar with lib/ beside it, as its manifest expects, and the
# demo's model, tasks and configs, where -Dspinwb.sampleData points.
cp "$target/spin-workbench.jar" "$input/"
cp -r "$target/lib" "$input/lib"
mkdir "$input/sample-data"
cp -r "$root/sample-data/demo-model" "$root/sample-data/demo-tasks" "$root/sample-data/configs" "$input/sample-data/"
# the user guide with its pictures, beside sample-data, where Help › User Guide looks
mkdir -p "$input/docs"
cp -r "$root/docs/user-guide.md" "$root/docs/scale-out.md" "$root/docs/images" "$input/docs/"

cd "$root"
echo "jpackage: app-image"
"$jpackage" @packaging/linux/jpackage.options --type app-image --input "$input" --dest "$dist" --app-version "$version"
echo "jpackage: deb"
# dpkg-deb compresses with xz by default: many minutes on two cores for little gain, since the
# jars and native libraries inside are compressed already. gzip is fast and every dpkg reads it.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
"$jpackage" @packaging/linux/deb.options --type deb --app-image "$dist/spin-workbench" --dest "$dist" --app-version "$version"
rm -rf "$target/jpackage"

echo "packaged in $((SECONDS - start)) s:"
du -sh "$dist/spin-workbench"
ls -sh "$dist"/*.deb
