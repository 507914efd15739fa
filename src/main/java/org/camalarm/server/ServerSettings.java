package org.camalarm.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The alarm server's settings (PID {@code camalarm.server}): tokens and limits. Changes apply at
 * once ({@link Modified}), without restarting the servlets.
 */
@Component(
        service = ServerSettings.class,
        configurationPid = "camalarm.server",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ServerSettings.Config.class)
public class ServerSettings {

    @ObjectClassDefinition(
            name = "camalarm alarm server",
            description = "Tokens and limits of the camera alarm" + " endpoint and the REST API")
    public @interface Config {
        @AttributeDefinition(
                name = "Alarm token",
                required = false,
                description =
                        "Secret path segment" + " cameras push to: /camalarm/alarm/<alarmToken>. Generated when empty.")
        String alarmToken() default "";

        @AttributeDefinition(
                name = "API token",
                required = false,
                description = "Bearer token of the REST" + " API. Generated when empty.")
        String apiToken() default "";

        @AttributeDefinition(name = "Maximum body size", description = "Largest request body accepted, in bytes")
        long maxBodyBytes() default DEFAULT_MAX_BODY_BYTES;

        @AttributeDefinition(
                name = "Lenient port",
                description =
                        "A second port for cameras whose requests the HTTP"
                                + " server refuses (iVSEC sends times with a raw space in the URL); same paths and tokens. 0 = off")
        int lenientPort() default 0;
    }

    static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** Bodies are read into one array: a larger setting is taken as this. */
    static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 16;

    private record Values(byte[] alarmToken, byte[] apiToken, long maxBodyBytes) {}

    private final TokenStore tokenStore;
    private volatile Values values;

    @Activate
    public ServerSettings(BundleContext context, Config config) {
        Path tokens = UserdataFiles.resolve(context, "tokens.properties");
        this.tokenStore = new TokenStore(tokens);
        modified(config);
    }

    /** Also used by tests: settings with a fixed token store. */
    ServerSettings(TokenStore tokenStore, Config config) {
        this.tokenStore = tokenStore;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        try {
            values = new Values(
                    bytes(pick(config.alarmToken(), "alarmToken")),
                    bytes(pick(config.apiToken(), "apiToken")),
                    config.maxBodyBytes() > 0
                            ? Math.min(config.maxBodyBytes(), MAX_BODY_BYTES)
                            : DEFAULT_MAX_BODY_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated tokens in " + tokenStore.file(), e);
        }
    }

    private String pick(String configured, String key) throws IOException {
        return configured != null && !configured.isBlank() ? configured.trim() : tokenStore.token(key);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Where generated tokens are kept (for telling the user, see {@link AlarmEndpointLog}). */
    public Path tokensFile() {
        return tokenStore.file().toAbsolutePath();
    }

    /** Whether a path segment is the alarm token (compared in constant time). */
    public boolean isAlarmToken(String candidate) {
        return candidate != null && MessageDigest.isEqual(values.alarmToken(), bytes(candidate));
    }

    /** Whether a bearer token is the API token (compared in constant time). */
    public boolean isApiToken(String candidate) {
        return candidate != null && MessageDigest.isEqual(values.apiToken(), bytes(candidate));
    }

    /** The alarm token, for showing the user what to type into a camera (never for logs). */
    public String alarmToken() {
        return new String(values.alarmToken(), StandardCharsets.UTF_8);
    }

    public long maxBodyBytes() {
        return values.maxBodyBytes();
    }
}
