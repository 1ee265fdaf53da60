# syntax=docker/dockerfile:1
#
# Roundtable server image.
#   docker build -t roundtable:dev .
#   docker run --rm -p 8080:8080 -e REDIS_URL=redis://host.docker.internal:6379 roundtable:dev
#   docker run -p 8080:8080 -v roundtable-data:/data roundtable:dev    # one node, SQLite in /data
#
# The runtime image runs as UID/GID 10001, needs no writable path but /tmp (so it works with a
# read-only root filesystem plus an emptyDir at /tmp, as in k8s/server-deployment.yaml) and
# starts java directly (exec form) so SIGTERM reaches the JVM and triggers the graceful drain.
# Without REDIS_URL it also writes DATA_DIR=/data (SQLite): mount a volume there (k8s-single-node/).

# ---- build ----------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# Dependencies first: this layer is reused while pom.xml is unchanged.
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline

# Every directory the pom packages (DockerfileTest checks this list against pom.xml's resources).
COPY src ./src
COPY web ./web
# Tests run in CI (they need a local redis-server); the image build only packages: neither the
# tests nor the load benchmark (src/bench) are compiled, so nothing of them can reach the image.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Dmaven.test.skip=true package \
 && cp target/roundtable.jar /roundtable.jar

# ---- runtime --------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

ARG UID=10001
ARG GID=10001
RUN groupadd --system --gid "${GID}" roundtable \
 && useradd --system --uid "${UID}" --gid "${GID}" --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin roundtable

# Owned by root and read-only for the runtime user: the process cannot modify its own code.
COPY --from=build --chown=root:root --chmod=0444 /roundtable.jar /app/roundtable.jar
WORKDIR /app

ENV PORT=8080

# Sessions: without REDIS_URL the server keeps them in SQLite under DATA_DIR, the one path it writes
# besides /tmp. Created here owned by the runtime user, so a volume mounted at /data (named or
# anonymous) starts writable for UID 10001 under a read-only root filesystem:
#   docker run -p 8080:8080 -v roundtable-data:/data --read-only --tmpfs /tmp roundtable:dev
ENV DATA_DIR=/data
RUN mkdir -p /data && chown 10001:10001 /data
VOLUME /data

USER 10001:10001
EXPOSE 8080
STOPSIGNAL SIGTERM

# Container-aware heap (75 % of the memory limit), all of it committed and touched at start: growing
# the heap later, and the page faults of first touching it, stalled the event loops for 100-300 ms in
# the benchmark (docs/benchmarks.md). Exit on OOM so the orchestrator restarts the pod, and every
# file the JVM or Vert.x may write (temp files, file cache, crash logs) under /tmp.
# The parallel collector, not G1: the live set is small (~20 KiB per connection) and short-lived
# garbage dominates, so young collections are short; G1's refinement threads and write barriers
# cost ~2 us per delivered frame (docs/benchmarks.md, "Capacity as shipped"), and with G1 the heap
# shrank after collections and was touched again as it regrew. The README's run command uses it too.
# Extra JVM flags: set JAVA_TOOL_OPTIONS (the JVM reads it; exec form expands no variables).
ENTRYPOINT ["java", \
  "-XX:+UseParallelGC", \
  "-XX:MaxRAMPercentage=75", \
  "-XX:InitialRAMPercentage=75", \
  "-XX:+AlwaysPreTouch", \
  "-XX:+ExitOnOutOfMemoryError", \
  "-XX:ErrorFile=/tmp/hs_err_pid%p.log", \
  "-Djava.io.tmpdir=/tmp", \
  "-Dvertx.cacheDirBase=/tmp/vertx-cache", \
  "-jar", "/app/roundtable.jar"]
