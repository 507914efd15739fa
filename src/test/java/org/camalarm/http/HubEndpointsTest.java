package org.camalarm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;

/** Pax Web registers its runtime with "/", then publishes the address, then updates it per servlet. */
class HubEndpointsTest {

    private static Map<String, Object> runtime(Object endpoints) {
        return Map.of(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT, endpoints);
    }

    @Test
    void listenersHearOfTheAddressWhenItIsPublishedAndOnlyWhenItChanges() {
        HubEndpoints hub = new HubEndpoints();
        AtomicInteger told = new AtomicInteger();
        hub.onChange(told::incrementAndGet);

        hub.runtimeBound(runtime("/"));
        hub.runtimeUpdated(runtime(new String[] {"http://0.0.0.0:8181/"}));
        hub.runtimeUpdated(runtime(List.of("http://0.0.0.0:8181/"))); // a servlet registered: nothing new
        assertEquals(List.of("http://0.0.0.0:8181/"), hub.endpoints());
        assertEquals(2, told.get());

        hub.runtimeGone(runtime("http://0.0.0.0:8181/"));
        assertEquals(List.of(), hub.endpoints());
        assertEquals(3, told.get());
    }
}
