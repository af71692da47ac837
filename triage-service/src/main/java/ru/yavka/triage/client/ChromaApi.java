package ru.yavka.triage.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * ChromaDB 1.x over its v2 REST API (the v1 API answers 410 Gone, and the only Java client
 * served here speaks v1). Collections are looked up by name and written and queried by id.
 */
@RegisterRestClient(configKey = "chroma")
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ChromaApi {

    @GET
    @Path("/heartbeat")
    Map<String, Long> heartbeat();

    @POST
    @Path("/tenants")
    void createTenant(Name tenant);

    @GET
    @Path("/tenants/{tenant}")
    Name getTenant(@PathParam("tenant") String tenant);

    @POST
    @Path("/tenants/{tenant}/databases")
    void createDatabase(@PathParam("tenant") String tenant, Name database);

    @GET
    @Path("/tenants/{tenant}/databases/{database}")
    Database getDatabase(@PathParam("tenant") String tenant, @PathParam("database") String database);

    @DELETE
    @Path("/tenants/{tenant}/databases/{database}")
    void deleteDatabase(@PathParam("tenant") String tenant, @PathParam("database") String database);

    @POST
    @Path("/tenants/{tenant}/databases/{database}/collections")
    Collection createCollection(@PathParam("tenant") String tenant, @PathParam("database") String database,
            CreateCollection request);

    /** By name: Chroma 1.0 resolves this path parameter as the collection's name. */
    @GET
    @Path("/tenants/{tenant}/databases/{database}/collections/{name}")
    Collection getCollection(@PathParam("tenant") String tenant, @PathParam("database") String database,
            @PathParam("name") String name);

    @PUT
    @Path("/tenants/{tenant}/databases/{database}/collections/{id}")
    void updateCollection(@PathParam("tenant") String tenant, @PathParam("database") String database,
            @PathParam("id") String id, UpdateCollection request);

    /** By name, like {@link #getCollection}. */
    @DELETE
    @Path("/tenants/{tenant}/databases/{database}/collections/{name}")
    void deleteCollection(@PathParam("tenant") String tenant, @PathParam("database") String database,
            @PathParam("name") String name);

    @POST
    @Path("/tenants/{tenant}/databases/{database}/collections/{id}/add")
    void add(@PathParam("tenant") String tenant, @PathParam("database") String database, @PathParam("id") String id,
            Records records);

    @POST
    @Path("/tenants/{tenant}/databases/{database}/collections/{id}/upsert")
    void upsert(@PathParam("tenant") String tenant, @PathParam("database") String database,
            @PathParam("id") String id, Records records);

    @GET
    @Path("/tenants/{tenant}/databases/{database}/collections/{id}/count")
    int count(@PathParam("tenant") String tenant, @PathParam("database") String database, @PathParam("id") String id);

    @POST
    @Path("/tenants/{tenant}/databases/{database}/collections/{id}/query")
    QueryResult query(@PathParam("tenant") String tenant, @PathParam("database") String database,
            @PathParam("id") String id, Query query);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Name(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Database(String id, String name, String tenant) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Collection(String id, String name, Map<String, Object> metadata, Integer dimension, String tenant,
            String database) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateCollection(String name, Map<String, Object> metadata, Map<String, Object> configuration,
            @JsonProperty("get_or_create") boolean getOrCreate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpdateCollection(@JsonProperty("new_name") String newName,
            @JsonProperty("new_metadata") Map<String, Object> newMetadata) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Records(List<String> ids, List<float[]> embeddings, List<String> documents,
            List<Map<String, Object>> metadatas) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Query(@JsonProperty("query_embeddings") List<float[]> queryEmbeddings,
            @JsonProperty("n_results") int nResults, Map<String, Object> where, List<String> include) {
    }

    /** One inner list per query embedding. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record QueryResult(List<List<String>> ids, List<List<Double>> distances, List<List<String>> documents,
            List<List<Map<String, Object>>> metadatas) {
    }
}
