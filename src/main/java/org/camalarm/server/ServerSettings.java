package org.camalarm.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;
import org.camalarm.config.ConfigSource;
import org.camalarm.userdata.TokenStore;
import org.camalarm.userdata.UserdataFiles;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm server's settings (PID {@code camalarm.server}): the alarm token and the body limit.
 * Changes apply at once ({@link Modified}), without restarting the servlets. A value that cannot be
 * used keeps its default and is logged with its key.
 */
@Component(
        service = ServerSettings.class,
        configurationPid = ServerSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ServerConfig.class)
public class ServerSettings {

    static final String PID = "camalarm.server";
    /** Bodies are read into one array: a larger setting is taken as this. */
    static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 16;

    private static final Logger LOGGER = LoggerFactory.getLogger(ServerSettings.class);

    private record Values(byte[] alarmToken, long maxBodyBytes) {}

    private final TokenStore tokenStore;
    private final ConfigReader configs;
    private volatile Values values = new Values(new byte[0], 0);

    @Activate
    public ServerSettings(BundleContext context, @Reference ConfigReader configs, Map<String, Object> properties) {
        this(new TokenStore(UserdataFiles.resolve(context, TokenStore.FILE_NAME)), configs, properties);
    }

    /** Also used by tests: settings with a fixed token store. */
    ServerSettings(TokenStore tokenStore, ConfigReader configs, Map<String, Object> properties) {
        this.tokenStore = tokenStore;
        this.configs = configs;
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        ConfigReading<ServerConfig> reading = configs.read(ServerConfig.class, PID, properties);
        String source = ConfigSource.of(properties);
        reading.problems().forEach(problem -> LOGGER.warn("{}: {}", source, reading.withValueInEffect(problem)));
        ServerConfig config = reading.values();
        try {
            String token = config.alarmToken().isEmpty() ? tokenStore.token("alarmToken") : config.alarmToken();
            long max = config.maxBodyBytes();
            if (max <= 0) {
                max = configs.read(ServerConfig.class, PID, Map.of()).values().maxBodyBytes();
                LOGGER.warn(
                        "{}: maxBodyBytes={} must be more than 0; {} bytes apply", source, config.maxBodyBytes(), max);
            }
            values = new Values(token.getBytes(StandardCharsets.UTF_8), Math.min(max, MAX_BODY_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated tokens in " + tokenStore.file(), e);
        }
    }

    /** Where generated tokens are kept (for telling the user, see {@link AlarmEndpointLog}). */
    public Path tokensFile() {
        return tokenStore.file().toAbsolutePath();
    }

    /** Whether a path segment is the alarm token (compared in constant time). */
    public boolean isAlarmToken(@Nullable String candidate) {
        return candidate != null
                && MessageDigest.isEqual(values.alarmToken(), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The alarm token, for showing the user what to type into a camera (never for logs). */
    public String alarmToken() {
        return new String(values.alarmToken(), StandardCharsets.UTF_8);
    }

    public long maxBodyBytes() {
        return values.maxBodyBytes();
    }
}
