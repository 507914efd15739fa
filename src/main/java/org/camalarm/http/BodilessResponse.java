package org.camalarm.http;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The answer to a HEAD: what the GET would answer, status and headers ({@code Content-Length}
 * included), with its body dropped here rather than left to the container.
 */
final class BodilessResponse extends HttpServletResponseWrapper {

    @NonNullByDefault({}) // OutputStream and the servlet API say nothing of nullness
    private final ServletOutputStream nowhere = new ServletOutputStream() {
        @Override
        public void write(int b) {
            // dropped: a HEAD has no body
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // dropped
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("a HEAD answer is written blocking");
        }
    };

    BodilessResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return nowhere;
    }

    @Override
    public PrintWriter getWriter() throws UnsupportedEncodingException {
        return new PrintWriter(new OutputStreamWriter(nowhere, getCharacterEncoding()));
    }
}
