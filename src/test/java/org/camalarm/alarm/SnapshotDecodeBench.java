package org.camalarm.alarm;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * What decoding a TVT smart event's base64 pictures on the request path costs (run by
 * {@code bench/snapshot-decode.sh}): the whole decode of a TVT alarmData post carrying a JPEG in
 * base64, beside the same post with a placeholder instead of the picture, the base64 decoding
 * alone, the DOM parse of the whole post (what cutting the pictures out before parsing avoids),
 * and a VIGI multipart push carrying the same JPEG as raw bytes (the request-path cost camalarm
 * already accepts). Prints microseconds per push (median of batches) and ratios to the last.
 */
public final class SnapshotDecodeBench {

    private static final int BATCHES = 21;
    private static final int PER_BATCH = 20;

    private SnapshotDecodeBench() {}

    public static void main(String[] args) throws Exception {
        int kib = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        byte[] jpeg = noiseJpeg(kib * 1024);
        String base64 = Base64.getEncoder().encodeToString(jpeg);
        AlarmDecoder decoder = new AlarmDecoder();
        AlarmRequest withPicture = tvt(base64);
        byte[] post = withPicture.body();
        AlarmRequest withPlaceholder = tvt("BASE64_JPEG_OVERVIEW_IMAGE");
        AlarmRequest vigi = vigiMultipart(jpeg);
        if (!Arrays.equals(jpeg, decoder.decode(withPicture).image().toArray())
                || !Arrays.equals(jpeg, decoder.decode(vigi).image().toArray())) {
            throw new IllegalStateException("the decoders lost the picture");
        }
        System.out.printf(
                "JPEG %d bytes, base64 %d characters, TVT post %d bytes%n",
                jpeg.length, base64.length(), withPicture.body().length);
        Work[] works = {
            () -> decoder.decode(withPicture),
            () -> decoder.decode(withPlaceholder),
            () -> Snapshots.fromBase64(base64),
            () -> XmlDocuments.parse(post, 0),
            () -> decoder.decode(vigi)
        };
        double[] micros = measure(works);
        double multipart = micros[4];
        System.out.printf("%-44s %10s %8s%n", "", "us/push", "ratio");
        row("TVT alarmData, picture decoded (as shipped)", micros[0], multipart);
        row("TVT alarmData, placeholder instead", micros[1], multipart);
        row("base64 decoding alone", micros[2], multipart);
        row("DOM parse of the whole post (not done)", micros[3], multipart);
        row("VIGI multipart, same JPEG (baseline)", multipart, multipart);
    }

    private interface Work {
        Object run() throws Exception;
    }

    /**
     * Median microseconds per run of each work over {@value #BATCHES} batches, after a warm-up. The
     * works take turns batch by batch, so that a busy machine slows them alike and the ratios hold.
     */
    private static double[] measure(Work[] works) throws Exception {
        Object sink = null;
        for (int i = 0; i < BATCHES * PER_BATCH; i++) {
            for (Work work : works) {
                sink = work.run();
            }
        }
        double[][] batches = new double[works.length][BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            for (int w = 0; w < works.length; w++) {
                long start = System.nanoTime();
                for (int i = 0; i < PER_BATCH; i++) {
                    sink = works[w].run();
                }
                batches[w][b] = (System.nanoTime() - start) / 1000.0 / PER_BATCH;
            }
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        double[] medians = new double[works.length];
        for (int w = 0; w < works.length; w++) {
            Arrays.sort(batches[w]);
            medians[w] = batches[w][BATCHES / 2];
        }
        return medians;
    }

    private static void row(String name, double micros, double baseline) {
        System.out.printf("%-44s %10.0f %8.2f%n", name, micros, micros / baseline);
    }

    private static AlarmRequest tvt(String base64) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <config version="1.7" xmlns="http://www.ipc.com/ver10">
                <smartType type="openAlramObj">PEA</smartType>
                <currentTime type="tint64">1774101845000000</currentTime>
                <perimeter><perInfo type="list" count="1"><item><eventId type="uint32">1</eventId>
                <status type="smartStatus">SMART_START</status></item></perInfo></perimeter>
                <sourceDataInfo><dataType type="uint32">0</dataType>
                <sourceBase64Data type="string"><![CDATA[%s]]></sourceBase64Data></sourceDataInfo>
                <listInfo type="list" count="1"><item><targetImageData><targetType type="uint32">1</targetType>
                </targetImageData></item></listInfo>
                </config>
                """.formatted(base64);
        return new AlarmRequest("POST", "cam", null, "application/xml", null, xml.getBytes(StandardCharsets.UTF_8), "");
    }

    private static AlarmRequest vigiMultipart(byte[] jpeg) {
        byte[] body = Bytes.of(
                "--ReportEventBoundary\r\nContent-Disposition: form-data; name=\"event\"\r\n",
                "Content-Type: application/json\r\n\r\n",
                "{\"mac\":\"98-ba-5f-8b-10-03\",\"event_list\":[{\"dateTime\":\"20261005150501\",\"event_type\":[\"PEOPLE\"]}]}",
                "\r\n--ReportEventBoundary\r\nContent-Disposition: form-data; name=\"20261005150501\"\r\n",
                "Content-Type: image/jpeg\r\n\r\n",
                jpeg,
                "\r\n--ReportEventBoundary--\r\n");
        return new AlarmRequest(
                "POST", "cam", null, "multipart/form-data; boundary=ReportEventBoundary", null, body, "");
    }

    /** A JPEG of about {@code bytes} bytes: noise compresses badly, as a busy scene does. */
    private static byte[] noiseJpeg(int bytes) throws IOException {
        int side = (int) Math.sqrt(bytes / 1.2);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
