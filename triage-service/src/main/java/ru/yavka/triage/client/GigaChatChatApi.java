package ru.yavka.triage.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** GigaChat chat completions (OpenAI-like messages) with a Bearer token. */
@RegisterRestClient(configKey = "gigachat")
@Path("/api/v1")
public interface GigaChatChatApi {

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ChatResponse complete(@HeaderParam("Authorization") String bearer, ChatRequest request);

    record Message(String role, String content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatRequest(String model, List<Message> messages, Double temperature,
            @JsonProperty("max_tokens") Integer maxTokens, Boolean stream) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChatResponse(List<Choice> choices, String model) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(Message message, Integer index, @JsonProperty("finish_reason") String finishReason) {
    }
}
