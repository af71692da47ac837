package ru.yavka.telegram.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds the service token and the declared purpose to every call: booking-service records both
 * in its DataAccessed events.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    static final String PURPOSE = "telegram-booking";

    private final ServiceToken token;

    public ServiceTokenHeaders(ServiceToken token) {
        this.token = token;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", token.bearer());
        headers.add("X-Access-Purpose", PURPOSE);
        return headers;
    }
}
