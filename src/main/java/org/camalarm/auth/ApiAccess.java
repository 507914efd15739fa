package org.camalarm.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.camalarm.config.ConfigReader;
import org.camalarm.userdata.TokenStore;
import org.camalarm.userdata.UserdataFiles;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The REST API's access rule: {@code Authorization: Bearer <apiToken>}, the {@code apiToken} of
 * {@code camalarm.server} or, when that is empty, one generated once and kept in
 * {@code userdata/camalarm/tokens.properties}. Changes apply at once. Thread-safe.
 */
@Component(
        service = ApiAccess.class,
        configurationPid = ApiAccess.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ApiAccess {

    /** The alarm server's configuration, which holds the API token too (described by the server's Metatype). */
    static final String PID = "camalarm.server";

    /** The keys of {@code camalarm.server} this component reads. */
    interface Config {
        String apiToken();
    }

    private final TokenStore tokens;
    private final ConfigReader configs;
    private volatile byte[] apiToken = new byte[0];

    @Activate
    public ApiAccess(BundleContext context, @Reference ConfigReader configs, Map<String, Object> properties) {
        this(new TokenStore(UserdataFiles.resolve(context, TokenStore.FILE_NAME)), configs, properties);
    }

    ApiAccess(TokenStore tokens, ConfigReader configs, Map<String, Object> properties) {
        this.tokens = tokens;
        this.configs = configs;
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        // the server's own component reports problems of camalarm.server; here only the token counts
        String configured = configs.read(Config.class, PID, properties).values().apiToken();
        try {
            String token = configured.isEmpty() ? tokens.token("apiToken") : configured;
            apiToken = token.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated API token in " + tokens.file(), e);
        }
    }

    /** Whether a bearer token is the API token (compared in constant time). */
    public boolean isApiToken(@Nullable String candidate) {
        return candidate != null && MessageDigest.isEqual(apiToken, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries {@code Authorization: Bearer <apiToken>}. */
    public boolean authorised(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && isApiToken(header.substring(7).strip());
    }
}
