package org.forwardonly.scan.spark;

import org.forwardonly.scan.exec.ExecutorUnavailableException;
import org.forwardonly.scan.spec.ScanSpecException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Spark master URL as the scan's {@code --spark} option takes it, checked before Spark sees it:
 * a URL Spark cannot parse is bad input, and a standalone master ({@code spark://HOST:PORT}, or
 * several for standby masters) that no TCP connection reaches is reported at once instead of after
 * Spark's minute of registration retries.
 *
 * @param url the URL as given
 */
public record SparkMaster(String url) {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,\\s*[1-9][0-9]*)?])?");
    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:/,]+:[1-9][0-9]{0,4}");
    /** How long a connection to the master may take before it counts as unreachable. */
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    /** Checks the URL's form; throws {@link ScanSpecException} (bad input, one line) for anything else. */
    public SparkMaster {
        if (!(LOCAL.matcher(url).matches() || standalone(url) || url.equals("yarn") || url.startsWith("k8s://"))) {
            throw new ScanSpecException("option '--spark': '" + url + "' is not a Spark master URL (allowed: local, local[N], "
                    + "local[*], spark://HOST:PORT[,HOST:PORT...], yarn, k8s://https://HOST:PORT)");
        }
    }

    private static boolean standalone(String url) {
        if (!url.startsWith("spark://")) return false;
        for (String hp : url.substring("spark://".length()).split(",", -1)) if (!HOST_PORT.matcher(hp).matches()) return false;
        return true;
    }

    /** True for {@code local}, {@code local[N]}: Spark inside this JVM. */
    public boolean isLocal() {
        return url.startsWith("local");
    }

    /** True for {@code spark://...}: Spark's standalone cluster manager. */
    public boolean isStandalone() {
        return url.startsWith("spark://");
    }

    /** The master addresses of a standalone URL (empty for other kinds). */
    List<InetSocketAddress> addresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        if (!isStandalone()) return out;
        for (String hp : url.substring("spark://".length()).split(",")) {
            int colon = hp.lastIndexOf(':');
            out.add(InetSocketAddress.createUnresolved(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))));
        }
        return out;
    }

    /**
     * For a standalone URL: connects to each master address until one answers; throws
     * {@link ExecutorUnavailableException} naming the address and the reason if none does.
     */
    public void checkReachable() {
        String why = "";
        for (InetSocketAddress a : addresses()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                why = a.getHostString() + ":" + a.getPort() + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()) + ")";
            }
        }
        if (!why.isEmpty()) {
            throw new ExecutorUnavailableException("cannot reach the Spark master at " + why + "; is it running? Check the host "
                    + "and port (a master's log says 'Starting Spark master at spark://HOST:PORT'), or start a test cluster on "
                    + "this machine with scripts/spark-local-cluster start");
        }
    }
}
