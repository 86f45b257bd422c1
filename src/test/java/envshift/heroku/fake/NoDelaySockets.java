package envshift.heroku.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have TCP_NODELAY set. MockWebServer writes a
 * response's headers and body separately; with Nagle's algorithm on, the body waits for the
 * client's delayed ACK, which added about 40 ms to every request on Linux, on top of (and
 * distorting) the fake's configured latency. Real API servers do not show that delay.
 */
final class NoDelaySockets extends ServerSocketFactory {
  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = super.accept();
        socket.setTcpNoDelay(true);
        return socket;
      }
    };
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return bound(new InetSocketAddress(port), 50);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return bound(new InetSocketAddress(port), backlog);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    return bound(new InetSocketAddress(address, port), backlog);
  }

  private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(address, backlog);
    return socket;
  }
}
