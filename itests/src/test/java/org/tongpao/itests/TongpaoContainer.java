package org.tongpao.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.rmi.server.RMISocketFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Pax Exam options that boot the Tongpao distribution itself (what `./tongpao run` starts), resolving
 * only from the reactor's artifacts and the local Maven repository, with every listener on loopback.
 */
public final class TongpaoContainer {
    /** System property: {@code host:port} of a PostgreSQL to run the node's database on (see {@link #postgres}). */
    public static final String POSTGRES = "tongpao.it.postgres";

    static {
        // Pax Exam's RMI registry in this JVM would otherwise listen on every interface.
        try {
            RMISocketFactory.setSocketFactory(new LoopbackSocketFactory());
        } catch (IOException e) {
            // already set by an earlier test class in this JVM: same factory, nothing to do
        }
    }

    /** Central's own broker account in the container (user {@code node-central}). */
    public static final String CENTRAL_BROKER_PASSWORD = "central-it";
    /** The password of the demo node accounts {@code node-42} and {@code node-32} at a central container. */
    public static final String NODE_BROKER_PASSWORD = "demo";

    private TongpaoContainer() {
    }

    /** Options for a node with the given identity, in demo mode, on the given free HTTP port. */
    public static Option[] options(String node, int httpPort, Option... extra) {
        String version = System.getProperty("tongpao.version");
        String karafVersion = System.getProperty("karaf.version");
        String work = System.getProperty("it.work", "target");
        // the distribution's own system/ before the local repository: a SNAPSHOT installed there earlier must not
        // shadow the bundles this build put in the distribution (mvn verify installs nothing)
        String repos = "file:" + System.getProperty("it.repo") + "@id=itrepo@snapshots,"
                + "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                + "file:" + System.getProperty("local.repo") + "@id=local@snapshots";
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.tongpao", "tongpao-distribution").version(version).type("tar.gz"))
                        .unpackDirectory(new File(work, "exam"))
                        .useDeployFolder(false)
                        .karafVersion(karafVersion)
                        .name("Tongpao"),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                systemTimeout(180_000),
                systemProperty("karaf.log.console").value("WARN"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.defaultRepositories", repos),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", System.getProperty("local.repo")),
                // Pax Exam waits 10 s by default for its probe invoker (Parser), for the services the invoker
                // needs (swissbox ServiceLookup: the Injector) and for @Inject services: on a loaded 2-core
                // machine the boot takes longer, the probe gives up ("gave up waiting for service ...") and the
                // class errors or hangs. Karaf reads etc/system.properties before any bundle starts.
                editConfigurationFilePut("etc/system.properties",
                        "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT", "120000"),
                editConfigurationFilePut("etc/system.properties",
                        "org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT", "120000"),
                editConfigurationFilePut("etc/system.properties", "pax.exam.service.timeout", "120000"),
                // the probe invoker's own wait for the Injector service (10 s by default): the boot features start
                // their bundles one after another, and Tongpao's bundles run their migrations while starting, so
                // on a busy machine pax-exam-inject starts more than 10 s after the probe ("gave up waiting for
                // service org.ops4j.pax.exam.util.Injector" in karaf.log, then the class hangs)
                editConfigurationFilePut("etc/system.properties",
                        "org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT", "120000"),
                editConfigurationFilePut("etc/system.properties", "tongpao.node", node),
                editConfigurationFilePut("etc/system.properties", "tongpao.demo", "true"),
                editConfigurationFilePut("etc/system.properties", "tongpao.http.port", Integer.toString(httpPort)),
                editConfigurationFilePut("etc/system.properties", "tongpao.ssh.port", Integer.toString(freePort())),
                vmOptions(java17Options(karafVersion))));
        options.addAll(federation(node, freePort()));
        String exchanges = System.getProperty("tongpao.it.exchanges");
        if (exchanges != null) {
            // Api, running in the container, records the answers there for ApiContractCheck
            options.add(editConfigurationFilePut("etc/system.properties", "tongpao.it.exchanges", exchanges));
        }
        options.addAll(postgres(work));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /**
     * With {@code -Dtongpao.it.postgres=host:port} (a trust-auth PostgreSQL, user postgres, such as
     * .ci/postgres-suites starts), the node's one DataSource is a new, empty database there instead of Derby,
     * switched as docs/operations.md tells an operator: the DataSource's cfg replaced, tongpao-postgresql
     * booted. Without it, nothing changes: Derby, as everywhere by default.
     */
    static List<Option> postgres(String work) {
        String server = System.getProperty(POSTGRES, "");
        if (server.isBlank()) {
            return List.of();
        }
        String database = "tongpao_it_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a database on PostgreSQL " + server, e);
        }
        File cfg = new File(work, database + ".cfg");
        try {
            Files.writeString(cfg.toPath(), String.join("\n",
                    "osgi.jdbc.driver.class = org.postgresql.Driver",
                    "dataSourceName = tongpao",
                    "url = jdbc:postgresql://" + server + "/" + database,
                    "user = postgres",
                    "options = -c lock_timeout=60s",
                    "pool = dbcp2",
                    "xa = false",
                    "pool.maxTotal = 32",
                    "pool.maxWaitMillis = 30000",
                    "factory.poolStatements = true",
                    "factory.maxOpenPreparedStatements = 100", ""));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + cfg, e);
        }
        return List.of(
                replaceConfigurationFile("etc/org.ops4j.datasource-tongpao.cfg", cfg),
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "tongpao-postgresql"),
                // the tests in the container check which database they run on
                editConfigurationFilePut("etc/system.properties", POSTGRES, server));
    }

    /**
     * The broker and the federation link. Every node gets its own free broker port (system property
     * {@code tongpao.broker.port}, read by etc/artemis.xml at central), so classes booting in parallel never share
     * a broker. Central's link logs into its own broker as {@code node-central}; central also knows the demo node
     * accounts {@code node-42} and {@code node-32} (password {@link #NODE_BROKER_PASSWORD}). No province is
     * federated ({@code provinces} empty): central keeps every province's ledgers, as the existing tests expect;
     * a test that federates adds {@code editConfigurationFilePut("etc/org.tongpao.federation.cfg", "provinces", "42")}.
     * A province points at 127.0.0.1 on its own free port, where nothing listens: its link stays disconnected.
     */
    static List<Option> federation(String node, int brokerPort) {
        String cfg = "etc/org.tongpao.federation.cfg";
        boolean central = "central".equals(node);
        List<Option> options = new ArrayList<>(List.of(
                editConfigurationFilePut("etc/system.properties", "tongpao.broker.host", "127.0.0.1"),
                editConfigurationFilePut("etc/system.properties", "tongpao.broker.port", Integer.toString(brokerPort)),
                editConfigurationFilePut(cfg, "broker", "tcp://127.0.0.1:" + brokerPort),
                editConfigurationFilePut(cfg, "user", central ? "node-central" : "node-" + node.substring(node.indexOf(':') + 1)),
                editConfigurationFilePut(cfg, "password", central ? CENTRAL_BROKER_PASSWORD : NODE_BROKER_PASSWORD),
                editConfigurationFilePut(cfg, "provinces", "")));
        if (central) {
            // Karaf's realm "karaf" (etc/users.properties) holds the broker's accounts; hashed at their first login
            options.add(editConfigurationFilePut("etc/users.properties", "node-central",
                    CENTRAL_BROKER_PASSWORD + ",node-central"));
            for (String code : List.of("42", "32")) {
                options.add(editConfigurationFilePut("etc/users.properties", "node-" + code,
                        NODE_BROKER_PASSWORD + ",node-" + code));
                // the same account in the API's realm (what a node asks central over REST); it takes a SHA-256
                // digest and re-hashes it with PBKDF2 at the first login
                options.add(editConfigurationFilePut("etc/tongpao-users.properties", "node-" + code,
                        "{CRYPT}" + sha256Hex(NODE_BROKER_PASSWORD) + "{CRYPT},node-" + code));
            }
        }
        return options;
    }

    private static String sha256Hex(String password) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The flags Karaf's own bin/karaf passes on Java 9+; Pax Exam 4.14 adds none of them. */
    static String[] java17Options(String karafVersion) {
        return new String[] {
            "-Xmx512m",
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
            "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"
        };
    }

    /**
     * A loopback port free right now, for the container to bind seconds later: {@link NodeProcess#fixedPort()} (below
     * the kernel's ephemeral range, within {@code -Dit.ports}, never the same twice in this JVM). One from
     * {@code ServerSocket(0)} went to another process's SSH server before the container bound it: Pax Web failed
     * to bind and every request met an SSH banner.
     */
    public static int freePort() {
        return NodeProcess.fixedPort();
    }

    private static final class LoopbackSocketFactory extends RMISocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }
    }
}
