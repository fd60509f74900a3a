package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.EngineCheck;
import org.cxrstudio.core.inference.EngineCheck.EngineStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cxr-studio engines}: starts the inference (ONNX Runtime) and, unless
 * {@code --inference-only}, the training (PyTorch) engine and prints one line per engine.
 * Exit code 0 only when every checked engine works. Lets an installed copy be checked
 * offline before a user relies on it.
 */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Check that the inference and training engines start (offline) on this machine.")
public final class EnginesCommand extends CliCommand {

    @Option(names = "--inference-only", description = "Skip the PyTorch (training) engine.")
    boolean inferenceOnly;

    @Override
    public Integer call() {
        List<String> names = new ArrayList<>(List.of(EngineCheck.ONNX_RUNTIME));
        if (!inferenceOnly) {
            names.add(EngineCheck.PYTORCH);
        }
        System.out.println("native cache: " + EngineCheck.nativeCacheDir()
                + " (offline=" + System.getProperty("ai.djl.offline", "false") + ")");
        boolean allOk = true;
        for (String name : names) {
            EngineStatus s = EngineCheck.check(name);
            allOk &= s.ok();
            System.out.printf("%-11s %s  %s  (%d ms)%n", s.engine(), s.ok() ? "OK  " : "FAIL", s.detail(), s.millis());
        }
        return allOk ? 0 : 1;
    }
}
