#!/usr/bin/env bash
# Builds the root file system that the container image runs on, without a registry or a Docker engine:
# a Java runtime cut from the building JDK with jlink, the glibc and zlib it links against (copied from
# the building machine), and the few files a JVM expects in /etc and /tmp. Jib puts this on the empty
# `scratch` base (see the `image` profile of pom.xml), so no base image has to be pulled.
#
#   src/image/runtime.sh OUTPUT_DIR [JAVA_HOME]
#
# The runtime's Java is the building JDK's: an image built on Java 17 runs on Java 17.
set -euo pipefail

out=${1:?usage: runtime.sh OUTPUT_DIR [JAVA_HOME]}
java_home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
[ -d "$java_home/jmods" ] || { echo "runtime.sh: $java_home has no jmods/ (a JDK with jmods is needed for jlink)" >&2; exit 1; }

# What Spring Boot, Tomcat, Camunda, Hikari, H2 and the PostgreSQL driver use of the JDK: java.desktop
# for java.beans, java.sql, java.naming (JNDI lookups of Tomcat and Camunda), java.management (JMX, the
# actuator), java.scripting (Camunda's script tasks), java.xml for BPMN/DMN parsing, jdk.crypto.* for
# TLS to Salesforce, Zendesk and Slack, jdk.unsupported for sun.misc.Unsafe, jdk.localedata for CLDR dates.
modules=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,\
jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.xml.dom,jdk.zipfs

rm -rf "$out"
mkdir -p "$out/opt"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/opt/java"

# The shared libraries the runtime links against, at the paths the dynamic linker looks in. The AWT
# window, sound and splash-screen libraries are left out: a headless server never loads them.
libs=$(find "$out/opt/java" -name '*.so' \
         ! -name libawt_xawt.so ! -name libjsound.so ! -name libsplashscreen.so -print0 \
       | LD_LIBRARY_PATH="$out/opt/java/lib/server:$out/opt/java/lib" xargs -0 ldd "$out/opt/java/bin/java" 2>/dev/null \
       | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/lib.*ld-linux/ { print $1 }' \
       | grep -v "^$out" | sort -u)
for lib in $libs; do
  cp -L --parents "$lib" "$out"
done
# glibc loads these at run time (dlopen), so ldd does not list them: user and host look-ups.
for extra in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
             /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$extra" ] && cp -L --parents "$extra" "$out"
done
# /lib64 is where the x86-64 ELF interpreter is looked up; Debian's is a link into /lib/x86_64-linux-gnu.
mkdir -p "$out/lib64"
[ -e "$out/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"

# proc/ and dev/ are where a container runtime mounts them (and the smoke test, src/image/smoke-test.sh).
mkdir -p "$out/etc" "$out/tmp" "$out/home/handoff/data" "$out/proc" "$out/dev"
# The user the application runs as (uid 1000, see the image profile), and a default nsswitch.conf
# so that glibc resolves host names through /etc/hosts, then DNS (docker compose's service names).
printf 'root:x:0:0:root:/root:/sbin/nologin\nhandoff:x:1000:1000:sales-handoff:/home/handoff:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nhandoff:x:1000:\n' > "$out/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$out/etc/nsswitch.conf"
echo "runtime.sh: $(du -sh "$out" | cut -f1) in $out (Java $("$out/opt/java/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2))"
