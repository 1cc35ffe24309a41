#!/usr/bin/env bash
# Builds the Azure Functions deployment package: infra/artifacts/irpflows.zip.
#
# Layout of the package root (what the Functions host expects of a custom handler):
#   host.json                 from the repo root; customHandler.defaultExecutablePath names the app binary
#   <FunctionName>/function.json   one folder per function, from infra/functions/
#   IrpFlows.Functions        the app, published self-contained for linux-x64 straight into the root
#   ...                       the rest of the publish output (runtime, dependencies)
#
# Usage: infra/publish.sh            (no arguments; run from anywhere)
set -euo pipefail

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$infra_dir/.." && pwd)"
artifacts="$infra_dir/artifacts"
package="$artifacts/package"
zip_file="$artifacts/irpflows.zip"

fail() { echo "publish.sh: $*" >&2; exit 1; }

[[ -f "$repo_root/host.json" ]] || fail "no host.json at the repo root ($repo_root)"
compgen -G "$infra_dir/functions/*/function.json" >/dev/null || fail "no function definitions under infra/functions/"
command -v zip >/dev/null || fail "zip is not installed (apt-get install zip)"

# The host starts defaultExecutablePath relative to the package root, so the binary must land at that path.
executable="$(sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$repo_root/host.json")"
[[ -n "$executable" ]] || fail "host.json has no customHandler.description.defaultExecutablePath"

rm -rf "$package" "$zip_file"
mkdir -p "$package"

# Self-contained: the Linux Functions image carries no .NET 10 runtime the app could rely on.
dotnet publish "$repo_root/Functions/Functions.csproj" \
  --configuration Release \
  --runtime linux-x64 \
  --self-contained true \
  --output "$package" \
  -p:UseAppHost=true

cp "$repo_root/host.json" "$package/host.json"
for definition in "$infra_dir"/functions/*/function.json; do
  name="$(basename "$(dirname "$definition")")"
  [[ ! -e "$package/$name" ]] || fail "function folder $name collides with a file of the publish output"
  mkdir -p "$package/$name"
  cp "$definition" "$package/$name/function.json"
done

# Local settings hold development keys; Azure reads app settings instead.
rm -f "$package/local.settings.json" "$package/local.settings.sample.json"

[[ -f "$package/$executable" ]] || fail "defaultExecutablePath '$executable' is not in the package"
chmod +x "$package/$executable"

# zip keeps Unix permissions, so the binary stays executable when the host mounts the package.
(cd "$package" && zip --quiet --recurse-paths -X "$zip_file" .)

echo "Package: $zip_file ($(du -h "$zip_file" | cut -f1))"
echo "Executable: $executable"
echo "Functions: $(cd "$infra_dir/functions" && ls -d */ | tr -d / | tr '\n' ' ')"
