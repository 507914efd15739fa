package org.camalarm.history;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Small JPEGs, about {@value #WIDTH} px wide, of camera snapshots, with the JDK's own codec: the
 * snapshot is decoded subsampled (a 1920 px image is read at 1/6, which is most of the saving), scaled
 * bilinearly and encoded at quality 0.75. In memory only, no cache files. Takes 10 to 30 ms per image:
 * never on the path of a camera's answer.
 */
final class Thumbnails {

    static final int WIDTH = 320;
    private static final float QUALITY = 0.75f;

    private Thumbnails() {}

    /** The thumbnail of {@code jpeg}, or {@code null} when it cannot be decoded. */
    static byte @Nullable [] of(byte[] jpeg) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, width / WIDTH);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage decoded = reader.read(0, param);
            int targetWidth = Math.min(WIDTH, decoded.getWidth());
            int targetHeight = Math.max(1, Math.round(decoded.getHeight() * (float) targetWidth / decoded.getWidth()));
            BufferedImage scaled = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = scaled.createGraphics();
            try {
                graphics.setRenderingHint(
                        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.drawImage(decoded, 0, 0, targetWidth, targetHeight, null);
            } finally {
                graphics.dispose();
            }
            return encode(scaled);
        } catch (IOException | RuntimeException e) {
            return null; // not a JPEG the JDK can read (CMYK, truncated): the event simply has no thumbnail
        } finally {
            reader.dispose();
        }
    }

    private static byte @Nullable [] encode(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            return null;
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
