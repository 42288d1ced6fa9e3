package dev.mnemo.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/** A request whose body stops with {@link BodyTooLargeException} past a limit, for chunked uploads. */
class BoundedBodyRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    BoundedBodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Bounded(super.getInputStream(), limit);
        }
        return stream;
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    private static final class Bounded extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Bounded(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
