package ru.yavka.reminder.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** The test side of {@link BookingStub}: program replies, read calls. */
public final class BookingStubControl {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BookingStubControl() {
    }

    /** booking-service's 200 body after a no-show; {id} is replaced by the appointment id. */
    public static final String NO_SHOW_VIEW = "{\"id\":\"{id}\",\"status\":\"NO_SHOW\",\"source\":\"STAFF\"}";

    /** booking-service's 409 detail for an arrived patient, as its AppointmentService words it. */
    public static final String ARRIVED_CONFLICT = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"appointment {id} is arrived (пришёл) and cannot be marked as a no-show\"}";

    public static final String NOT_STARTED = "{\"type\":\"about:blank\",\"title\":\"Unprocessable request\","
            + "\"status\":422,\"detail\":\"the visit has not started yet; it cannot be a no-show\",\"field\":\"id\"}";

    public static void reply(UUID appointmentId, int status, String body) {
        send(HttpRequest.newBuilder(uri("/__stub/replies/" + appointmentId + "?status=" + status))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Calls for this appointment go on to a real booking-service at {@code baseUrl}, answers come back as they are. */
    public static void forward(UUID appointmentId, String baseUrl) {
        send(HttpRequest.newBuilder(uri("/__stub/forward/" + appointmentId))
                .PUT(HttpRequest.BodyPublishers.ofString(baseUrl)).build());
    }

    /** The Authorization header of every no-show call for the appointment, in order. */
    public static List<String> calls(UUID appointmentId) {
        String body = send(HttpRequest.newBuilder(uri("/__stub/calls/" + appointmentId)).GET().build());
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    private static URI uri(String path) {
        return URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.booking.url", String.class) + path);
    }

    private static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
