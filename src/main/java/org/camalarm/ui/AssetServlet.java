package org.camalarm.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.http.HttpAnswers;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the UI's files from the bundle's {@code camalarm-ui/} at {@code /camalarm/ui/*}
 * ({@code /camalarm/ui/} is {@code index.html}). Each file is read and gzipped once; answers carry a
 * strong ETag per representation (304 on {@code If-None-Match}), {@code Vary: Accept-Encoding}, and
 * {@code Cache-Control: public, max-age=31536000, immutable} for the WebJars (their paths carry the
 * version) or {@code no-cache} (revalidate, usually a 304) for our own files. {@code index.html}
 * carries a Content-Security-Policy that allows only this hub's own scripts and its import map.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-ui")
@HttpWhiteboardServletPattern(AssetServlet.PATH + "/*")
public class AssetServlet extends HttpServlet {

    static final String PATH = "/camalarm/ui";
    private static final long serialVersionUID = 1L;
    private static final String ROOT = "camalarm-ui";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_@.-]+)+");
    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    /** The 404 page for a browser ({@link #notAPage}): the same bytes every time. */
    private static final byte[] NOT_A_PAGE = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>Not found - camalarm</title><link rel=\"stylesheet\" href=\"" + PATH + "/app.css\">"
                    + "<header class=\"top\"><a class=\"brand\" href=\"" + PATH + "/\">camalarm</a></header>"
                    + "<main><div class=\"card\"><h1>No such page</h1>"
                    + "<p>camalarm has no page at this address. The UI's pages are reached from its start page.</p>"
                    + "<p><a href=\"" + PATH + "/\">Open the camalarm UI</a></p></div></main></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final transient Function<String, byte @Nullable []> files;
    private final transient Map<String, Asset> cache = new ConcurrentHashMap<>();

    @Activate
    public AssetServlet(BundleContext context) {
        this.files = path -> read(context.getBundle().getEntry(ROOT + path));
    }

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(PATH + "/");
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            HttpAnswers.error(response, 405, "method_not_allowed", "the UI's files are read with GET");
            return;
        }
        Asset asset = SAFE_PATH.matcher(path).matches() && !path.contains("..") ? asset(path) : null;
        if (asset == null) {
            String accept = request.getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                notAPage(response); // a browser: a stale link or a typed address
            } else {
                HttpAnswers.notFound(response);
            }
            return;
        }
        String accepted = request.getHeader("Accept-Encoding");
        byte[] gzip = asset.gzip();
        boolean gzipped = gzip != null && accepted != null && accepted.contains("gzip");
        String etag = "\"" + asset.etag() + (gzipped ? "-gz" : "") + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader(
                "Cache-Control", path.startsWith("/webjars/") ? "public, max-age=31536000, immutable" : "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (path.equals("/index.html")) {
            response.setHeader("Content-Security-Policy", policy(asset.identity()));
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(304);
            return;
        }
        byte[] body = gzipped && gzip != null ? gzip : asset.identity();
        response.setStatus(200);
        response.setContentType(asset.type());
        if (gzipped) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(body);
        }
    }

    /** The file, read and compressed on first use; misses are not kept (any path could be asked for). */
    private @Nullable Asset asset(String path) {
        Asset known = cache.get(path);
        if (known == null) {
            byte[] bytes = files.apply(path);
            if (bytes == null) {
                return null;
            }
            known = Asset.of(path, bytes);
            cache.put(path, known);
        }
        return known;
    }

    /** Only our own scripts, plus the inline import map by its hash; no inline scripts, no other origins. */
    static String policy(byte[] indexHtml) {
        StringBuilder scripts = new StringBuilder("'self'");
        Matcher map = IMPORT_MAP.matcher(new String(indexHtml, StandardCharsets.UTF_8));
        if (map.find()) {
            scripts.append(" 'sha256-").append(sha256(map.group(1))).append('\'');
        }
        return "default-src 'self'; script-src " + scripts
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self';"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte @Nullable [] read(@Nullable URL entry) {
        if (entry == null) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** A 404 a person can act on: the UI's pages live behind {@code #/}, so the address leads nowhere. */
    private static void notAPage(HttpServletResponse response) throws IOException {
        response.setStatus(404);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(NOT_A_PAGE.length);
        response.getOutputStream().write(NOT_A_PAGE);
    }
}
