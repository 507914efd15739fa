package org.camalarm.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One file of the UI as served: its bytes, a gzipped copy when that is smaller, its strong ETag
 * (the first 96 bits of its SHA-256) and its content type. Made once per file and bundle start.
 *
 * @param gzip {@code null} when compressing does not pay (images, tiny files)
 */
record Asset(byte[] identity, byte @Nullable [] gzip, String etag, String type) {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "mjs", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json;charset=utf-8",
            "txt", "text/plain;charset=utf-8");

    static Asset of(String path, byte[] bytes) {
        String type = type(path);
        byte[] gzip = null;
        if (bytes.length > 256 && (type.startsWith("text/") || type.contains("json") || type.contains("svg"))) {
            byte[] packed = gzip(bytes);
            gzip = packed.length < bytes.length ? packed : null;
        }
        return new Asset(bytes, gzip, etag(bytes), type);
    }

    static String type(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        return type != null ? type : "application/octet-stream";
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
