#!/usr/bin/env bash
# Proves that an image tar of `./mvnw -Pimage package` loads and runs, where no Docker engine is:
#   1. what `docker load` checks: manifest.json names a config and layers, and each layer's digest is the
#      config's diff_id for it; the app layer holds our classes and the runtime layer a Java that runs;
#   2. the layers are unpacked in order into a root file system and the image's entrypoint is started
#      there as a container runtime would: its Env, WorkingDir and User, /proc, /dev, /etc/hosts and
#      /etc/resolv.conf mounted, in namespaces of its own (root needed: unshare and chroot);
#   3. the application must answer /actuator/health/readiness UP and take a handoff (201).
#
#   src/image/smoke-test.sh target/jib-image.tar
set -euo pipefail

tar_file=$(readlink -f "${1:?usage: smoke-test.sh IMAGE_TAR}")
port=${SMOKE_PORT:-18080}
work=$(mktemp -d)
root=$work/rootfs
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  # The namespace's mounts went with the JVM; only the unpacked files are left.
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke-test: $*" >&2; exit 1; }

# 1. the image tar as docker load reads it
mkdir -p "$work/image" "$root"
tar -xf "$tar_file" -C "$work/image"
manifest=$work/image/manifest.json
[ -f "$manifest" ] || fail "no manifest.json in $tar_file"
config=$work/image/$(jq -r '.[0].Config' "$manifest")
[ -f "$config" ] || fail "manifest.json names a config that is not in the tar"
mapfile -t layers < <(jq -r '.[0].Layers[]' "$manifest")
mapfile -t diff_ids < <(jq -r '.rootfs.diff_ids[]' "$config")
[ "${#layers[@]}" -ge 2 ] || fail "only ${#layers[@]} layers"
[ "${#layers[@]}" -eq "${#diff_ids[@]}" ] || fail "${#layers[@]} layers but ${#diff_ids[@]} diff_ids in the config"
for i in "${!layers[@]}"; do
  actual=sha256:$(gzip -dc "$work/image/${layers[$i]}" | sha256sum | cut -d' ' -f1)
  [ "$actual" = "${diff_ids[$i]}" ] || fail "layer $i (${layers[$i]}) is $actual, the config says ${diff_ids[$i]}"
  tar -xzf "$work/image/${layers[$i]}" -C "$root" --same-owner --numeric-owner --warning=no-unknown-keyword
done
echo "smoke-test: manifest, config and ${#layers[@]} layer digests agree ($(jq -r '.[0].RepoTags[0]' "$manifest"))"
[ -f "$root/app/classes/com/gitlab/support/handoff/SalesHandoffApplication.class" ] || fail "no application classes in /app/classes"
[ -f "$root/app/classes/processes/salesHandoff.bpmn" ] || [ -f "$root/app/resources/processes/salesHandoff.bpmn" ] \
  || fail "no processes/salesHandoff.bpmn in the image"
[ -x "$root/opt/java/bin/java" ] || fail "no /opt/java/bin/java in the image"

# 2. run the entrypoint in the unpacked image, on a port nothing else answers on
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then fail "port $port is taken (SMOKE_PORT picks another)"; fi
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t env < <(jq -r '.config.Env[]' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
user=$(jq -r '.config.User // "0:0"' "$config")
touch "$root/etc/hosts" "$root/etc/resolv.conf"
log=$work/app.log
# A mount namespace of its own for the bind mounts and /proc (all gone with it). Every step execs the
# next, so $! is the JVM itself: the trap's kill stops the application, as docker stop would.
env -i "${env[@]}" SERVER_PORT="$port" HANDOFF_ADMIN_USER=smoke HANDOFF_ADMIN_PASSWORD=smoke-password \
  unshare --mount --propagation private -- sh -c '
    workdir=$0 root=$1 uid=$2 gid=$3; shift 3
    mount --bind /dev "$root/dev" && mount --bind /etc/hosts "$root/etc/hosts" \
      && mount --bind /etc/resolv.conf "$root/etc/resolv.conf" && mount -t proc proc "$root/proc" || exit 1
    exec unshare --root="$root" --wd="$workdir" --setuid="$uid" --setgid="$gid" -- "$@"' \
  "$workdir" "$root" "${user%%:*}" "${user##*:}" "${entrypoint[@]}" > "$log" 2>&1 &
app_pid=$!

# 3. it answers, and takes a handoff
for _ in $(seq 1 180); do
  kill -0 "$app_pid" 2>/dev/null || { tail -40 "$log" >&2; fail "the application exited"; }
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"UP"' \
  || { tail -40 "$log" >&2; fail "not ready after 180 s"; }
echo "smoke-test: ready after $SECONDS s: $(grep -m1 -o 'Started SalesHandoffApplication in [0-9.]* seconds' "$log" || true)"
status=$(curl -sS -o "$work/answer.json" -w '%{http_code}' -u smoke:smoke-password -H 'Content-Type: application/json' \
  -d '{"ticketId":"smoke-1","requesterEmail":"jane@acme.com","requestType":"ALTERNATIVE_PAYMENT_METHOD","summary":"image smoke test"}' \
  "http://127.0.0.1:$port/api/handoffs")
[ "$status" = 201 ] || { cat "$work/answer.json" >&2; tail -20 "$log" >&2; fail "POST /api/handoffs answered $status"; }
echo "smoke-test: POST /api/handoffs answered 201 $(cat "$work/answer.json")"
ls "$root$workdir/data" | grep -q 'sales-handoff.mv.db' || fail "no H2 file under $workdir/data"
# The health check of docs/docker-compose.yaml, run in the image as the container runtime would.
env -i "${env[@]}" SERVER_PORT="$port" unshare --mount --propagation private -- sh -c '
    root=$0 uid=$1 gid=$2; shift 3
    mount -t proc proc "$root/proc" && exec unshare --root="$root" --setuid="$uid" --setgid="$gid" -- "$@"' \
  "$root" "${user%%:*}" "${user##*:}" - java -cp /app/classes com.gitlab.support.handoff.operations.ReadinessProbe \
  || fail "the image's ReadinessProbe did not report ready"
echo "smoke-test: the image's health check (ReadinessProbe) reports ready"
echo "smoke-test: the image runs; its H2 file is in $workdir/data, written as user $user"
