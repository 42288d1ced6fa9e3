# Mnemo: build with the Maven Wrapper on a JDK, run on a JRE as an unprivileged user.
# docker build -t mnemo .   (see docker-compose.yml and docker-compose.prod.yml)

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Dependencies first: a source change does not download them again.
RUN ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=dev.mnemo || true
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/mnemo.jar /mnemo.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /data mnemo && mkdir -p /data && chown mnemo /data
COPY --from=build /mnemo.jar /app/mnemo.jar
USER mnemo
# Two malloc arenas instead of up to 8 a core, as ./mnemo does (BENCHMARKS.md: a small gain).
ENV ASSISTANT_DATA_DIR=/data \
    SERVER_ADDRESS=0.0.0.0 \
    MALLOC_ARENA_MAX=2
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q 'UP' <&3"]
# JAVA_OPTS empty or unset (compose passes it through from .env): the small-footprint defaults.
ENTRYPOINT ["sh", "-c", "exec java ${JAVA_OPTS:--XX:+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxRAMPercentage=60} -jar /app/mnemo.jar \"$@\"", "mnemo"]
