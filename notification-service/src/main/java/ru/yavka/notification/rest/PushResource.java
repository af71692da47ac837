package ru.yavka.notification.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import ru.yavka.notification.client.WebPushClient;
import ru.yavka.notification.repository.PushSubscription;
import ru.yavka.notification.service.ApiProblem;
import ru.yavka.notification.service.StaffRole;
import ru.yavka.notification.service.SubscriptionService;

@Path("/api/push")
@Tag(name = "push", description = "Web Push subscriptions of staff devices")
@RolesAllowed({StaffRole.ADMIN, StaffRole.REGISTRAR, StaffRole.DOCTOR})
public class PushResource {

    private final SubscriptionService subscriptions;
    private final WebPushClient push;
    private final CurrentUser user;

    public PushResource(SubscriptionService subscriptions, WebPushClient push, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.push = push;
        this.user = user;
    }

    public record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {
    }

    /** The browser's PushSubscription.toJSON(), with the doctors to follow (none: every doctor). */
    public record SubscribeRequest(@NotBlank @Size(max = 2048) String endpoint, @NotNull @Valid Keys keys,
            List<UUID> doctorIds, @Size(max = 500) String userAgent) {
    }

    /** The push service's host only: the endpoint itself is a capability and stays on the server. */
    public record SubscriptionView(UUID id, String pushService, Set<UUID> doctorIds, String role, String userAgent,
            Instant createdAt, Instant lastSuccessAt) {
        static SubscriptionView of(PushSubscription s) {
            return new SubscriptionView(s.id, URI.create(s.endpoint).getHost(), Set.copyOf(s.doctorIds), s.role,
                    s.userAgent, s.createdAt, s.lastSuccessAt);
        }
    }

    /** The applicationServerKey for PushManager.subscribe; 503 until VAPID keys are configured. */
    @GET
    @Path("/vapid-public-key")
    @Authenticated
    public Map<String, String> vapidPublicKey() {
        return Map.of("publicKey", push.publicKey().orElseThrow(() -> new ApiProblem(503, "Service unavailable",
                "push notifications are not set up on this server (no VAPID keys; ./clinic vapid makes them)",
                null)));
    }

    /** Creates or takes over the subscription of this browser (its endpoint). */
    @PUT
    @Path("/subscription")
    public Uni<SubscriptionView> subscribe(@NotNull @Valid SubscribeRequest request) {
        if (!push.configured()) {
            throw new ApiProblem(503, "Service unavailable", "push notifications are not set up on this server",
                    null);
        }
        return subscriptions.subscribe(user.get(), new SubscriptionService.Request(request.endpoint().strip(),
                        request.keys().p256dh(), request.keys().auth(), request.doctorIds(), request.userAgent()))
                .map(SubscriptionView::of);
    }

    @GET
    @Path("/subscriptions")
    public Uni<List<SubscriptionView>> mine() {
        return subscriptions.mine(user.get()).map(list -> list.stream().map(SubscriptionView::of).toList());
    }

    @DELETE
    @Path("/subscriptions/{id}")
    public Uni<Response> unsubscribe(@PathParam("id") String id) {
        return subscriptions.unsubscribe(user.get(), Ids.requiredUuid(id, "id"))
                .map(done -> Response.noContent().build());
    }

    /** Sends "notifications work" to every device of the caller. */
    @POST
    @Path("/test")
    public Uni<Response> test() {
        return subscriptions.test(user.get())
                .map(devices -> Response.accepted(Map.of("devices", devices)).build());
    }
}
