package ru.yavka.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.testing.TestRun;
import ru.yavka.triage.client.ChromaApi;

/** The typed v2 client against the real ChromaDB, in a database of this test's own. */
@QuarkusTest
class ChromaApiTest {

    private static final String DATABASE = "t" + TestRun.id() + "-api";

    @Inject
    @RestClient
    ChromaApi chroma;

    @AfterEach
    void dropDatabase() {
        ChromaRunDatabase.delete(ChromaRunDatabase.TENANT, DATABASE);
    }

    @Test
    void everyEndpointTriageUses() {
        assertThat(chroma.heartbeat()).containsKey("nanosecond heartbeat");
        assertThat(chroma.getTenant(ChromaRunDatabase.TENANT).name()).isEqualTo(ChromaRunDatabase.TENANT);
        assertThatThrownBy(() -> chroma.getDatabase(ChromaRunDatabase.TENANT, DATABASE))
                .isInstanceOfSatisfying(WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(404));
        chroma.createDatabase(ChromaRunDatabase.TENANT, new ChromaApi.Name(DATABASE));
        assertThat(chroma.getDatabase(ChromaRunDatabase.TENANT, DATABASE).name()).isEqualTo(DATABASE);

        ChromaApi.Collection created = chroma.createCollection(ChromaRunDatabase.TENANT, DATABASE,
                new ChromaApi.CreateCollection("probe", Map.of("owner", "test"), Map.of("hnsw", Map.of("space", "cosine")),
                        true));
        ChromaApi.Collection byName = chroma.getCollection(ChromaRunDatabase.TENANT, DATABASE, "probe");
        assertThat(byName.id()).isEqualTo(created.id());
        assertThat(byName.metadata()).containsEntry("owner", "test");

        chroma.add(ChromaRunDatabase.TENANT, DATABASE, created.id(), new ChromaApi.Records(List.of("a", "b"),
                List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}), List.of("первый", "второй"),
                List.of(Map.of("specialty", "therapist"), Map.of("specialty", "neurologist"))));
        chroma.upsert(ChromaRunDatabase.TENANT, DATABASE, created.id(), new ChromaApi.Records(List.of("b", "c"),
                List.of(new float[] {0, 1, 0.1f}, new float[] {0, 0, 1}), List.of("второй снова", "третий"), null));
        assertThat(chroma.count(ChromaRunDatabase.TENANT, DATABASE, created.id())).isEqualTo(3);

        ChromaApi.QueryResult result = chroma.query(ChromaRunDatabase.TENANT, DATABASE, created.id(),
                new ChromaApi.Query(List.of(new float[] {0.9f, 0.1f, 0}), 2, null, List.of("distances", "documents")));
        assertThat(result.ids().get(0)).containsExactly("a", "b");
        assertThat(result.distances().get(0).get(0)).isLessThan(result.distances().get(0).get(1));
        assertThat(result.documents().get(0).get(1)).isEqualTo("второй снова");

        chroma.updateCollection(ChromaRunDatabase.TENANT, DATABASE, created.id(),
                new ChromaApi.UpdateCollection(null, Map.of("kb_hash", "abc")));
        assertThat(chroma.getCollection(ChromaRunDatabase.TENANT, DATABASE, "probe").metadata())
                .containsEntry("kb_hash", "abc");
        chroma.deleteCollection(ChromaRunDatabase.TENANT, DATABASE, "probe");
        assertThatThrownBy(() -> chroma.getCollection(ChromaRunDatabase.TENANT, DATABASE, "probe"))
                .isInstanceOf(WebApplicationException.class);
    }
}
