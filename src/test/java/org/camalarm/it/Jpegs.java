package org.camalarm.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real JPEG snapshots for tests, made with the JDK's encoder. */
final class Jpegs {

    private Jpegs() {}

    static byte[] snapshot(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("camalarm", 10, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG of random pixels: it does not compress, so its size is about {@code width * height} bytes. */
    static byte[] noise(int width, int height, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A VIGI multipart body: the event JSON part, then the JPEG part named after the time stamp. */
    static byte[] vigiMultipart(String eventJson, byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--ReportEventBoundary\r\n"
                + "Content-Disposition: form-data; name=\"event\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + eventJson + "\r\n"
                + "--ReportEventBoundary\r\n"
                + "Content-Disposition: form-data; name=\"20251123180936\"\r\n"
                + "Content-Type: image/jpeg\r\n"
                + "Content-Length: " + jpeg.length + "\r\n\r\n";
        out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(jpeg);
        out.writeBytes("\r\n--ReportEventBoundary--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
