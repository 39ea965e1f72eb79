#!/usr/bin/env bash
# The dev stack without Docker: builds the plugin, prepares a Grafana plugins folder and a
# provisioning folder for a Grafana installed on this machine, prints how to start that Grafana,
# then runs the reference service (and the alert webhook sink) until Ctrl-C.
#
#   npm run stack                      build, prepare, start the service on 127.0.0.1:8090
#   npm run stack -- --seed-days 14    extra flags go to the reference service
#   scripts/stack.sh --prepare-only    only write the Grafana folders (no build, no service)
#
# Environment: CES_PORT (default 8090), SINK_PORT (default 9000), STACK_DIR (default data/grafana).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

ces_port=${CES_PORT:-8090}
sink_port=${SINK_PORT:-9000}
stack_dir=${STACK_DIR:-$root/data/grafana}
plugin_id=hwc-cloudeye-datasource

prepare_only=false
if [ "${1:-}" = --prepare-only ]; then
  prepare_only=true
  shift
fi

# Grafana looks for plugins one folder down from its plugins path: link dist/ in as the plugin.
prepare_plugins() {
  mkdir -p "$stack_dir/plugins"
  ln -sfn "$root/dist" "$stack_dir/plugins/$plugin_id"
}

# The compose files name the services by their compose host names and paths; on the host the
# reference service is on 127.0.0.1 and the dashboards sit in this checkout.
prepare_provisioning() {
  local out=$stack_dir/provisioning
  mkdir -p "$out/datasources" "$out/dashboards" "$out/alerting" "$out/plugins"
  sed "s#http://ces:8090#http://127.0.0.1:$ces_port#" \
    provisioning/datasources/cloudeye.yaml >"$out/datasources/cloudeye.yaml"
  sed "s#/etc/grafana/provisioning/dashboards#$root/provisioning/dashboards#" \
    provisioning/dashboards/dashboards.yaml >"$out/dashboards/dashboards.yaml"
  for file in provisioning/alerting/*.yaml; do
    sed "s#http://alert-sink:9000#http://127.0.0.1:$sink_port#" "$file" \
      >"$out/alerting/$(basename "$file")"
  done
}

print_instructions() {
  local grafana_versions
  grafana_versions=$(node -p "require('./src/plugin.json').dependencies.grafanaDependency")
  cat <<TEXT

Point a Grafana installed on this machine ($grafana_versions) at the plugin and the provisioning,
either with environment variables:

  GF_PATHS_PLUGINS=$stack_dir/plugins \\
  GF_PATHS_PROVISIONING=$stack_dir/provisioning \\
  GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS=$plugin_id \\
  grafana server --homepath /usr/share/grafana

or in grafana.ini:

  [paths]
  plugins = $stack_dir/plugins
  provisioning = $stack_dir/provisioning

  [plugins]
  allow_loading_unsigned_plugins = $plugin_id

The provisioned data source uses http://127.0.0.1:$ces_port (the reference service below) with
the dev AK/SK. Then open http://localhost:3000 and the "Cloud Eye" dashboard folder.
TEXT
}

if $prepare_only; then
  prepare_plugins
  prepare_provisioning
  echo "prepared $stack_dir"
  exit 0
fi

npm run build
prepare_plugins
prepare_provisioning
print_instructions

PORT=$sink_port node scripts/alert-sink.mjs &
sink_pid=$!
trap 'kill "$sink_pid" 2>/dev/null || true' EXIT

echo
echo "Starting the reference service on http://127.0.0.1:$ces_port (Ctrl-C stops it)"
npm run server -- --port "$ces_port" --db "$root/data/ces.db" "$@"
