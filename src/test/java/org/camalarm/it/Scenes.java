package org.camalarm.it;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Snapshots that look like a camera's for the UI's screenshots: a yard, a house, a visitor, the camera's overlay. */
final class Scenes {

    private Scenes() {}

    static byte[] yard(String name, Color sky, boolean visitor) {
        int w = 640;
        int h = 360;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, sky, 0, h * 0.6f, sky.brighter()));
        g.fillRect(0, 0, w, h);
        g.setPaint(new GradientPaint(0, h * 0.6f, new Color(70, 95, 60), 0, h, new Color(40, 55, 35)));
        g.fillRect(0, (int) (h * 0.6), w, h);
        g.setColor(new Color(150, 140, 125));
        g.fillPolygon(new int[] {180, 260, 460, 540}, new int[] {h, 216, 216, h}, 4); // the path
        g.setColor(new Color(190, 170, 150));
        g.fillRect(380, 110, 200, 130); // the house
        g.setColor(new Color(120, 60, 50));
        g.fillPolygon(new int[] {365, 480, 595}, new int[] {112, 50, 112}, 3);
        g.setColor(new Color(80, 55, 40));
        g.fillRect(450, 170, 44, 70); // the door
        g.setColor(new Color(160, 200, 230));
        g.fillRect(400, 140, 34, 28);
        g.fillRect(525, 140, 34, 28);
        if (visitor) {
            g.setColor(new Color(35, 35, 45));
            g.fillOval(276, 190, 26, 28);
            g.fillRoundRect(270, 218, 38, 62, 12, 12);
            g.fillRect(274, 276, 12, 40);
            g.fillRect(292, 276, 12, 40);
            g.setColor(new Color(255, 60, 60));
            g.setStroke(new BasicStroke(2));
            g.drawRect(258, 182, 62, 140); // the camera's detection box
        }
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 15));
        g.setColor(Color.WHITE);
        g.drawString("2026-12-01 19:42:07", 12, 22);
        g.drawString(name, 12, h - 14);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
