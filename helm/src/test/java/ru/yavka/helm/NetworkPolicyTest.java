package ru.yavka.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The egress every pod of the release gets, computed from all the NetworkPolicies that select it,
 * equals exactly: DNS, the release's services, the infrastructure the service uses, and the one
 * outside endpoint the issue allows it (Telegram for telegram-gateway, GigaChat for
 * triage-service, 1C for integration-1c-service). The expectation is built here from the values,
 * not from the templates.
 */
class NetworkPolicyTest {

    /** The outside endpoints and the only service that may reach each. */
    static final Map<String, String> OWNER = Map.of(
            "telegram", "telegram-gateway",
            "gigachat", "triage-service",
            "onec", "integration-1c-service",
            "webPush", "notification-service");

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void eachServiceMayReachExactlyWhatTheIssueLists(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        List<ObjectNode> policies = Chart.ofKind(objects, "NetworkPolicy");
        JsonNode np = values.effective().path("networkPolicy");
        JsonNode services = values.effective().path("services");

        for (ObjectNode d : Chart.ofKind(objects, "Deployment")) {
            String service = d.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            Map<String, String> labels = Manifests.strings(d.path("spec").path("template").path("metadata").path("labels"));
            Set<String> expected = new TreeSet<>(dnsAndRelease(np, services));
            for (JsonNode infra : services.path(service).path("uses")) {
                JsonNode rule = np.path("infrastructure").path(infra.asText());
                expected.addAll(pairs(rule.path("to"), rule.path("ports"), "TCP"));
            }
            np.path("external").properties().forEach(e -> {
                assertThat(e.getValue().path("service").asText()).as("owner of %s", e.getKey()).isEqualTo(OWNER.get(e.getKey()));
                if (OWNER.get(e.getKey()).equals(service)) {
                    expected.addAll(pairs(ipBlocks(e.getValue().path("cidrs")), e.getValue().path("ports"), "TCP"));
                }
            });
            assertThat(egressOf(policies, labels)).as("egress of %s", service).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void outsideAddressesAreReachableOnlyByTheirService(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        List<ObjectNode> policies = Chart.ofKind(objects, "NetworkPolicy");
        JsonNode external = values.effective().path("networkPolicy").path("external");
        for (ObjectNode d : Chart.ofKind(objects, "Deployment")) {
            String service = d.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            Set<String> egress = egressOf(policies, Manifests.strings(d.path("spec").path("template").path("metadata").path("labels")));
            external.properties().forEach(e -> {
                for (JsonNode cidr : e.getValue().path("cidrs")) {
                    boolean reaches = egress.stream().anyMatch(p -> p.contains(cidr.asText()));
                    assertThat(reaches).as("%s reaches %s (%s)", service, e.getKey(), cidr.asText())
                            .isEqualTo(OWNER.get(e.getKey()).equals(service));
                }
            });
        }
        // The defaults ship Telegram's ranges, so the rule is really exercised.
        assertThat(external.path("telegram").path("cidrs").size()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void migrationJobsReachOnlyDnsAndPostgresql(Chart.Values values) {
        List<ObjectNode> objects = values.objects();
        JsonNode np = values.effective().path("networkPolicy");
        JsonNode pg = np.path("infrastructure").path("postgresql");
        Set<String> expected = new TreeSet<>(pairs(np.path("dns").path("to"), np.path("dns").path("ports"), "UDP"));
        expected.addAll(pairs(np.path("dns").path("to"), np.path("dns").path("ports"), "TCP"));
        expected.addAll(pairs(pg.path("to"), pg.path("ports"), "TCP"));
        List<ObjectNode> jobs = Chart.ofKind(objects, "Job");
        assertThat(jobs).isNotEmpty();
        for (ObjectNode job : jobs) {
            Map<String, String> labels = Manifests.strings(job.path("spec").path("template").path("metadata").path("labels"));
            assertThat(egressOf(Chart.ofKind(objects, "NetworkPolicy"), labels)).as("egress of %s", Chart.name(job)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everythingStartsFromDenyAndNoRuleIsOpenEnded(Chart.Values values) {
        List<ObjectNode> policies = Chart.ofKind(values.objects(), "NetworkPolicy");
        ObjectNode deny = Manifests.get(policies, "NetworkPolicy", "yavka-default-deny");
        assertThat(Manifests.list(deny.path("spec").path("policyTypes")).stream().map(JsonNode::asText)).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.path("spec").has("egress") || deny.path("spec").has("ingress")).isFalse();
        assertThat(Manifests.strings(deny.path("spec").path("podSelector").path("matchLabels")))
                .containsEntry("app.kubernetes.io/instance", Chart.RELEASE).containsEntry("app.kubernetes.io/part-of", "yavka");
        for (ObjectNode p : policies) {
            for (JsonNode rule : Manifests.list(p.path("spec").path("egress"))) {
                assertThat(Manifests.list(rule.path("to"))).as("%s: an egress rule without 'to' allows every address", Chart.name(p)).isNotEmpty();
                assertThat(Manifests.list(rule.path("ports"))).as("%s: an egress rule without ports allows every port", Chart.name(p)).isNotEmpty();
                for (JsonNode peer : rule.path("to")) {
                    if (peer.has("ipBlock")) {
                        assertThat(peer.path("ipBlock").path("cidr").asText()).as("%s opens the internet", Chart.name(p))
                                .isNotIn("0.0.0.0/0", "::/0");
                    }
                }
            }
            for (JsonNode rule : Manifests.list(p.path("spec").path("ingress"))) {
                assertThat(Manifests.list(rule.path("from"))).as("%s: an ingress rule without 'from' admits everyone", Chart.name(p)).isNotEmpty();
            }
        }
    }

    /** Egress of the pods with these labels: the union over every policy that selects them, as peer->port pairs. */
    static Set<String> egressOf(List<ObjectNode> policies, Map<String, String> labels) {
        Set<String> out = new TreeSet<>();
        boolean restricted = false;
        for (ObjectNode p : policies) {
            JsonNode spec = p.path("spec");
            if (!Manifests.selects(spec.path("podSelector"), labels)) {
                continue;
            }
            if (Manifests.list(spec.path("policyTypes")).stream().anyMatch(t -> t.asText().equals("Egress"))) {
                restricted = true;
            }
            for (JsonNode rule : Manifests.list(spec.path("egress"))) {
                for (JsonNode peer : rule.path("to")) {
                    for (JsonNode port : rule.path("ports")) {
                        out.add(pair(peer, port.path("protocol").asText("TCP"), port.path("port").asText()));
                    }
                }
            }
        }
        assertThat(restricted).as("no policy restricts the egress of %s", labels).isTrue();
        return out;
    }

    private static Set<String> dnsAndRelease(JsonNode np, JsonNode services) {
        Set<String> out = new TreeSet<>();
        out.addAll(pairs(np.path("dns").path("to"), np.path("dns").path("ports"), "UDP"));
        out.addAll(pairs(np.path("dns").path("to"), np.path("dns").path("ports"), "TCP"));
        ObjectNode release = Chart.YAML.createObjectNode();
        release.putObject("podSelector").putObject("matchLabels")
                .put("app.kubernetes.io/part-of", "yavka")
                .put("app.kubernetes.io/instance", Chart.RELEASE)
                .put("app.kubernetes.io/component", "service");
        var ports = Chart.YAML.createArrayNode();
        services.forEach(s -> {
            if (s.path("enabled").asBoolean()) {
                ports.add(s.path("port").asInt());
            }
        });
        out.addAll(pairs(Chart.YAML.createArrayNode().add(release), ports, "TCP"));
        return out;
    }

    private static List<String> pairs(JsonNode peers, JsonNode ports, String protocol) {
        List<String> out = new ArrayList<>();
        for (JsonNode peer : peers) {
            for (JsonNode port : ports) {
                out.add(pair(peer, protocol, port.asText()));
            }
        }
        return out;
    }

    private static JsonNode ipBlocks(JsonNode cidrs) {
        var peers = Chart.YAML.createArrayNode();
        cidrs.forEach(c -> peers.addObject().putObject("ipBlock").put("cidr", c.asText()));
        return peers;
    }

    private static String pair(JsonNode peer, String protocol, String port) {
        return Manifests.canonical(peer) + " -> " + protocol + "/" + port;
    }
}
