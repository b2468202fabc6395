package com.voicecore.it;

import com.voicecore.client.agent.AgentClient;
import com.voicecore.it.support.AgentDesk;
import com.voicecore.it.support.Api;
import com.voicecore.it.support.CallingTenant;
import com.voicecore.it.support.Deployments;
import com.voicecore.it.support.TestEnvironment;
import com.voicecore.run.ServerProcess;
import com.voicecore.testsupport.EmbeddedDatabase;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two WildFly nodes on one database (the Arquillian server and a second one started here, offset by
 * another 100): a change committed on either node reaches the sockets on both, through PostgreSQL
 * LISTEN/NOTIFY; and with both nodes sweeping, a silent agent is expired - and announced - once.
 */
@ExtendWith(ArquillianExtension.class)
class MultiNodeRealtimeIT {

    static ServerProcess second;
    static CallingTenant tenant;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.voiceCoreEar();
    }

    @BeforeAll
    static void secondNode() throws Exception {
        int offset = Integer.getInteger("voicecore.test.second.port.offset", Api.offset() + 100);
        EmbeddedDatabase db = TestEnvironment.database();
        Map<String, String> env = new HashMap<>();
        env.put("VOICECORE_DB_URL", db.jdbcUrl());
        env.put("VOICECORE_DB_USER", db.ownerUser());
        env.put("VOICECORE_DB_PASSWORD", db.ownerPassword());
        env.put("VOICECORE_DB_APP_USER", db.appUser());
        env.put("VOICECORE_DB_APP_PASSWORD", db.appPassword());
        env.put("VOICECORE_PLATFORM_API_KEY", TestEnvironment.platformKey());
        env.put("VOICECORE_SECRETS_KEY", System.getProperty("voicecore.test.secrets.key")); // the cluster shares its keys
        env.put("VOICECORE_PUBLIC_URL", System.getProperty("voicecore.test.public.url"));
        env.put("VOICECORE_NODE_ID", "voicecore-2");
        env.put("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true -Dvoicecore.security.pbkdf2-iterations=1000"
                + " -Dvoicecore.agents.heartbeat-seconds=1 -Dvoicecore.agents.wrap-up-seconds=1 -Dvoicecore.queue.offer-seconds=3"
                + " -Dvoicecore.queue.hold-seconds=1 -Dvoicecore.queue.max-missed-offers=2");
        Path module = Path.of("").toAbsolutePath();
        Path work = module.resolve("target/second-node");
        second = ServerProcess.start(module.resolve("target/server"), work.resolve("wildfly"), module.resolve("target/voicecore.ear"),
                env, offset, work.resolve("console.log"));
        second.awaitReady(Duration.ofMinutes(3));
        tenant = CallingTenant.open("Two Nodes", 100);
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachNodeNamesItselfToTheTransactionManager() throws Exception {
        // WildFly warns (WFLYTX0013) when a node keeps the shared default identifier; the second node was given its own
        String log = java.nio.file.Files.readString(Path.of("").toAbsolutePath().resolve("target/second-node/console.log"));
        assertTrue(log.contains("WFLYSRV0025"), "the second node's log is the one of a started server");
        assertFalse(log.contains("WFLYTX0013"), "the node-identifier is configured, not WildFly's default");
    }

    private static AgentClient onSecond(JsonObject agent) throws Exception {
        AgentClient client = AgentClient.connect(URI.create("ws://127.0.0.1:" + second.httpPort() + "/ws/agent"),
                AgentDesk.token(tenant, agent.getString("id"), "agent"));
        client.welcome();
        client.startHeartbeats(Duration.ofMillis(500));
        return client;
    }

    private static boolean presenceOf(JsonObject m, JsonObject agent, String status) {
        return "presence".equals(m.getString("type", "")) && agent.getString("id").equals(m.getString("agentId", ""))
                && status.equals(m.getString("status", ""));
    }

    @Test
    void aChangeOnEitherNodeReachesTheSocketsOnBoth() throws Exception {
        JsonObject ada = tenant.addAgent("Ada One", "Sales", "261", "not_available");
        JsonObject bob = tenant.addAgent("Bob Two", "Sales", "262", "not_available");
        try (AgentClient adaC = AgentDesk.connect(tenant, ada); AgentClient bobC = onSecond(bob)) {
            adaC.setStatus("available").join();                      // committed on node 1
            bobC.await(m -> presenceOf(m, ada, "available"), Duration.ofSeconds(5));
            bobC.setStatus("busy").join();                           // committed on node 2
            adaC.await(m -> presenceOf(m, bob, "busy"), Duration.ofSeconds(5));
            // a REST change on node 2 reaches node 1's sockets too
            Api.Reply put = Api.send("PUT", "http://127.0.0.1:" + second.httpPort() + "/api/v1/agents/" + ada.getString("id"),
                    tenant.key(), "{\"name\": \"Ada One\", \"email\": " + Api.str(ada.getString("email")) + ", \"departmentId\": "
                            + Api.str(ada.getString("departmentId")) + ", \"extension\": \"261\", \"status\": \"busy\"}",
                    "application/json");
            assertEquals(200, put.status(), put.body());
            adaC.await(m -> presenceOf(m, ada, "busy"), Duration.ofSeconds(5));
            bobC.await(m -> presenceOf(m, ada, "busy"), Duration.ofSeconds(5));
        }
    }

    @Test
    void withBothNodesSweepingASilentAgentIsExpiredAndAnnouncedOnce() throws Exception {
        JsonObject cid = tenant.addAgent("Cid Silent", "Support", "361", "not_available");
        JsonObject dee = tenant.addAgent("Dee Watching", "Support", "362", "not_available");
        try (AgentClient watcher = onSecond(dee)) {
            AgentClient silent = AgentDesk.connect(tenant, cid);
            silent.setStatus("available").join();
            silent.close(); // the client vanishes: no more heartbeats
            watcher.await(m -> presenceOf(m, cid, "not_available") && "heartbeat_expired".equals(m.getString("reason", "")),
                    Duration.ofSeconds(10));
            Thread.sleep(3000); // both nodes kept sweeping meanwhile
            long expiries = watcher.received().stream()
                    .filter(m -> presenceOf(m, cid, "not_available") && "heartbeat_expired".equals(m.getString("reason", ""))).count();
            assertEquals(1, expiries, "expired once, announced once, though two nodes sweep");
            assertTrue(Api.get("/api/v1/agents/" + cid.getString("id"), tenant.key()).object().getString("status").equals("not_available"));
        }
    }
}
