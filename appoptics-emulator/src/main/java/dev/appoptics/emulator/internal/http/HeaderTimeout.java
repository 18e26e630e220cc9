package dev.appoptics.emulator.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.CyclicTimeout;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP/1.1 connections whose requests must have all their headers within a time limit, counted from the request's
 * first byte. Jetty's idle timeout alone does not cut off a client that trickles one header byte at a time (each
 * byte resets it), and Jetty has no setting for this, so the parser's own events arm and disarm the deadline:
 * {@code messageBegin} with bytes in the buffer arms it, {@code headerComplete} (or a refused or cut-off request)
 * disarms it. A connection idle between requests is left to the idle timeout. When the deadline passes the client
 * gets a 408 with the API's error body and the connection is closed.
 *
 * <p>Jetty's {@link HttpConnection} is in an {@code internal} package but made for this: its request handler comes
 * from the protected {@code newRequestHandler()}. {@code HeaderTimeoutTest} fails if an upgrade changes that.
 */
final class HeaderTimeout extends HttpConnectionFactory {
  private final long timeoutMillis;
  private final ApiResponse body;
  private final byte[] answer;
  private final BiConsumer<RequestLog.Entry, ApiResponse> refused;

  /** {@code refused} counts and logs each cut-off (see {@link HttpFront#refused}). */
  HeaderTimeout(HttpConfiguration config, Duration timeout, BiConsumer<RequestLog.Entry, ApiResponse> refused) {
    super(config);
    this.timeoutMillis = timeout.toMillis();
    this.body = ApiError.request(408, "Request headers were not complete within " + timeout.toMillis() + " ms")
        .toResponse(0);
    this.answer = answer(body.body());
    this.refused = refused;
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    TimedConnection connection = new TimedConnection(getHttpConfiguration(), connector, endPoint, this);
    connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
    return configure(connection, connector, endPoint);
  }

  private static byte[] answer(byte[] body) {
    String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + ApiResponse.JSON_TYPE + "\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n";
    byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head8.length + body.length];
    System.arraycopy(head8, 0, all, 0, head8.length);
    System.arraycopy(body, 0, all, head8.length, body.length);
    return all;
  }

  private static final class TimedConnection extends HttpConnection {
    // Set after the super constructor, which already asks for the request handler: read lazily from there.
    private final HeaderTimeout factory;
    private CyclicTimeout deadline;

    TimedConnection(HttpConfiguration config, Connector connector, EndPoint endPoint, HeaderTimeout factory) {
      super(config, connector, endPoint);
      this.factory = factory;
    }

    @Override
    protected RequestHandler newRequestHandler() {
      return new TimedRequestHandler();
    }

    @Override
    public void onClose(Throwable cause) {
      CyclicTimeout d = deadline;
      if (d != null) {
        d.destroy();
      }
      super.onClose(cause);
    }

    private CyclicTimeout deadline() {
      if (deadline == null) {
        deadline = new CyclicTimeout(getConnector().getScheduler()) {
          @Override
          public void onTimeoutExpired() {
            cutOff();
          }
        };
      }
      return deadline;
    }

    private void cutOff() {
      EndPoint endPoint = getEndPoint();
      Object remote = endPoint.getRemoteSocketAddress();
      String address = remote instanceof java.net.InetSocketAddress a ? a.getAddress().getHostAddress() : "-";
      factory.refused.accept(new RequestLog.Entry("other", "-", null, "other", "408", factory.body.body().length,
          factory.timeoutMillis * 1_000_000, address, null), factory.body);
      endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(factory.answer));
    }

    /** Called on the thread that parses, one request at a time. */
    private final class TimedRequestHandler extends RequestHandler {
      private boolean armed;

      @Override
      public void messageBegin() {
        super.messageBegin();
        // The parser also calls this with an empty buffer between requests: only bytes start the clock.
        if (!armed && !isRequestBufferEmpty()) {
          armed = true;
          deadline().schedule(factory.timeoutMillis, TimeUnit.MILLISECONDS);
        }
      }

      @Override
      public boolean headerComplete() {
        disarm();
        return super.headerComplete();
      }

      @Override
      public void badMessage(HttpException failure) {
        disarm();
        super.badMessage(failure);
      }

      @Override
      public void earlyEOF() {
        disarm();
        super.earlyEOF();
      }

      private void disarm() {
        if (armed) {
          armed = false;
          deadline().cancel();
        }
      }
    }
  }
}
