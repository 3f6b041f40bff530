package com.tapstack.support;

import com.tapstack.tooling.cli.TapCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One `./tap` command line run in this JVM, as the launcher runs it: its exit code and what it printed. */
public record TapRun(int exitCode, String out, String err) {

    public static TapRun tap(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = TapCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new TapRun(code, out.toString(), err.toString());
    }
}
