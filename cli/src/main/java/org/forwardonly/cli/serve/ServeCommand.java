package org.forwardonly.cli.serve;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code pepita serve [--port P] [--host H]}: the interactive explorer, a local web page that
 * integrates the ODE as the parameters move (README, section "The explorer").
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the interactive explorer: a web page whose controls (rule, activation, K, M, eta, etaV, sigma, "
                + "sigmaF, s, seed, alignF, integrator, ...) redraw eps_g(t) and Q, R, v, c as they move, with a second "
                + "parameter set and a small-N simulation overlaid. Also POST /api/ode: a config in, pepita ode's metrics.csv out.",
                "Runs until interrupted (Ctrl-C); a port already taken is bad input (exit 2)."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to the network).")
    String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("pepita serve: option '--port': must be 0..65535 (got " + port + ")");
            err.flush();
            return 2;
        }
        ExplorerServer server;
        try {
            server = new ExplorerServer(host, port, 5, err);
        } catch (IOException | RuntimeException e) {
            err.println("pepita serve: cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (choose another --port, or --port 0)");
            err.flush();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pepita-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.println("pepita serve: the explorer is at http://" + shown + ":" + server.port() + "/ (Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return 0;
    }
}
