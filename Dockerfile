# syntax=docker/dockerfile:1
# Switchboard for Docker users: `docker build -t switchboard .` (the Maven build can also produce an image
# without Docker: `./mvnw -B -pl gateway-app -am verify -Pimage` writes gateway-app/target/switchboard-image.tar).

FROM eclipse-temurin:21.0.9_10-jdk-noble AS build
WORKDIR /src
# Wrapper and poms first, so the dependency download is cached until a pom changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY observability/pom.xml observability/
COPY registry/pom.xml registry/
COPY providers/pom.xml providers/
COPY routing/pom.xml routing/
COPY tools/pom.xml tools/
COPY gateway-app/pom.xml gateway-app/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl gateway-app -am dependency:resolve
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl gateway-app -am -DskipTests package \
 && java -Djarmode=tools -jar gateway-app/target/switchboard.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21.0.9_10-jre-noble
# A fixed, unprivileged id (the same as the Jib image) so volume permissions and securityContext agree.
RUN groupadd --system --gid 65532 switchboard \
 && useradd --system --uid 65532 --gid 65532 --no-create-home --shell /usr/sbin/nologin switchboard \
 && mkdir -p /var/lib/switchboard \
 && chown 65532:65532 /var/lib/switchboard
WORKDIR /app
# Least-changing layers first: dependencies, the Boot loader, snapshot dependencies, then the application.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
ENV SWITCHBOARD_DATA_DIR=/var/lib/switchboard
USER 65532:65532
EXPOSE 8080
# Heap follows the container's memory limit; an OOM exits so the orchestrator restarts a clean process.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", \
            "-Djava.io.tmpdir=/tmp", "org.springframework.boot.loader.launch.JarLauncher"]
