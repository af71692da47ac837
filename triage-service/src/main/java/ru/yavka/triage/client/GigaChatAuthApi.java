package ru.yavka.triage.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** GigaChat's OAuth endpoint: a Basic key, a fresh RqUID (uuid4) and the scope give a 30-minute token. */
@RegisterRestClient(configKey = "gigachat-auth")
@Path("/api/v2/oauth")
public interface GigaChatAuthApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Token token(@HeaderParam("Authorization") String basic, @HeaderParam("RqUID") String rqUid,
            @FormParam("scope") String scope);

    /** {@code expires_at} is in epoch milliseconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_at") long expiresAt) {
    }
}
