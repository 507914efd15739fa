package org.camalarm.push;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Which Shelly API a device speaks, found by {@code GET /shelly} (unauthenticated on every
 * generation): a reply with {@code "gen": 2} or more is the Gen2 RPC API (Gen2, Gen3, Plus, Pro),
 * a reply with {@code "type"} and no {@code gen} is Gen1.
 */
public enum ShellyGeneration {
    /** Gen1 REST API ({@code /relay/0?turn=on}). */
    GEN1,
    /** Gen2+ RPC API ({@code /rpc/Switch.Set}). */
    GEN2;

    /**
     * The outcome of a detection.
     *
     * @param generation the generation, or {@code null} when the result is not a success
     * @param result     the push result of {@code GET /shelly}: rejected when the reply is not a Shelly's
     */
    public record Detection(@Nullable ShellyGeneration generation, PushResult result) {}

    /** The family of this generation with its parameters. */
    public DeviceFamily family(int index, ShellyKind kind, @Nullable Duration pulseTime) {
        return this == GEN1 ? new ShellyGen1(index, kind, pulseTime) : new ShellyGen2(index, kind, pulseTime);
    }

    /** Reads a {@code /shelly} reply; empty when it is not one. */
    public static Optional<ShellyGeneration> fromShellyReply(String body) {
        Optional<JsonObject> json = JsonBodies.object(body);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Long gen = JsonBodies.number(json.get(), "gen");
        if (gen != null) {
            return gen >= 2 ? Optional.of(GEN2) : Optional.of(GEN1);
        }
        return json.get().has("type") ? Optional.of(GEN1) : Optional.empty();
    }

    /**
     * Asks the device of {@code client} which generation it is.
     *
     * @return never completes exceptionally, never blocks the caller
     */
    public static CompletableFuture<Detection> detect(PushClient client) {
        AtomicReference<ShellyGeneration> found = new AtomicReference<>();
        ResponseJudge judge = (status, body) -> {
            if (!HttpStatus.isSuccess(status)) {
                return Verdict.rejected(HttpStatus.describe(status) + " to GET /shelly");
            }
            Optional<ShellyGeneration> generation = fromShellyReply(body);
            generation.ifPresent(found::set);
            return generation
                    .map(g -> Verdict.ok("Shelly " + (g == GEN1 ? "Gen1" : "Gen2+") + " API"))
                    .orElseGet(() -> Verdict.rejected("reply to GET /shelly is not a Shelly's (no gen, no type)"));
        };
        return client.send(PushRequest.of(client.settings(), "GET", "/shelly"), judge)
                .thenApply(result -> new Detection(result.success() ? found.get() : null, result));
    }
}
