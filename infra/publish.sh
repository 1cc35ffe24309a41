#!/usr/bin/env bash
# Builds the deployment package of the .NET isolated worker Function App: infra/artifacts/irpflows.zip.
#
# The package is the output of `dotnet publish Functions`, zipped with that folder as its root, which is what the
# Functions host on Flex Consumption expects (README, "The package"):
#   host.json              from the repository root (Functions.csproj copies it): route prefix, Durable's task hub
#   functions.metadata     every function with its trigger, written by the Worker SDK at build time
#   worker.config.json     how the host starts the worker (dotnet IrpFlows.Functions.dll)
#   extensions.json        the host extensions the app needs (Durable Task), loaded from .azurefunctions/
#   .azurefunctions/       those extensions' assemblies
#   IrpFlows.Functions.dll and its dependencies (framework-dependent: Flex's dotnet-isolated 10.0 stack has the runtime)
# Never any local.settings*.json: they hold development keys and would make the app read local values.
#
# Usage: infra/publish.sh [--configuration Release|Debug] [--no-build] [--output FILE.zip]
#   --configuration  build configuration (default Release)
#   --no-build       package what the last build of that configuration produced, without building (the tests use it)
#   --output         where to write the zip (default infra/artifacts/irpflows.zip)
set -euo pipefail

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$infra_dir/.." && pwd)"
configuration=Release
no_build=()
zip_file="$infra_dir/artifacts/irpflows.zip"

fail() { echo "publish.sh: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --configuration|-c) [[ $# -ge 2 ]] || fail "$1 needs a value"; configuration="$2"; shift 2 ;;
    --no-build) no_build=(--no-build); shift ;;
    --output|-o) [[ $# -ge 2 ]] || fail "$1 needs a value"; zip_file="$2"; shift 2 ;;
    *) fail "unknown argument '$1' (usage: publish.sh [--configuration C] [--no-build] [--output FILE.zip])" ;;
  esac
done

command -v zip >/dev/null || fail "zip is not installed (apt-get install zip)"
mkdir -p "$(dirname "$zip_file")"
zip_file="$(cd "$(dirname "$zip_file")" && pwd)/$(basename "$zip_file")"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

dotnet publish "$repo_root/Functions/Functions.csproj" \
  --configuration "$configuration" \
  "${no_build[@]}" \
  --output "$staging" \
  --nologo

# Nothing copies them today; this keeps it so if someone marks one CopyToOutputDirectory.
find "$staging" -name 'local.settings*.json' -print -delete | sed 's/^/publish.sh: removed /'

for required in host.json functions.metadata worker.config.json extensions.json IrpFlows.Functions.dll; do
  [[ -f "$staging/$required" ]] || fail "$required is not in the publish output"
done
[[ -d "$staging/.azurefunctions" ]] || fail ".azurefunctions/ (the host extensions) is not in the publish output"
grep -q '"durableTask"' "$staging/host.json" || fail "host.json has no durableTask section"
grep -q '"name": *"DurableTask"' "$staging/extensions.json" || fail "extensions.json does not name the DurableTask extension"

rm -f "$zip_file"
# "." so that the dot-folder .azurefunctions/ goes in too; -X leaves out extra file attributes.
(cd "$staging" && zip --quiet --recurse-paths -X "$zip_file" .)

echo "Package: $zip_file ($(du -h "$zip_file" | cut -f1))"
echo "Functions: $(grep -c '"entryPoint"' "$staging/functions.metadata") (az functionapp function list shows them once deployed)"
