package org.teracon.workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.Benchmark;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure training steps per second per stage (one epoch per task) and memory, as ratios to this "
                + "machine's float matrix-multiply peak measured in the same run; writes benchmark.json.")
public class BenchmarkCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--methods", split = ",", defaultValue = "sinmoall,teracon", description = "methods to time (default ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig cfg = options.build(methods);
        Files.createDirectories(out);
        Benchmark.Result r = Benchmark.run(cfg, DatasetLoader.load(Path.of(cfg.dataset())), methods, out.resolve("runs"));
        System.out.printf(Locale.ROOT, "backend %s; 1024x1024 float matmul peak %.1f GFLOP/s%n", r.backend(), r.matmulGflops());
        System.out.println("| method | stage | task | batch | steps/s | useful GFLOP/s | of matmul peak |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|");
        for (Map<String, Object> p : r.phases()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.2f | %.1f%% |%n", p.get("method"), p.get("stage"), p.get("task"),
                    p.get("batch"), (double) p.get("steps_per_s"), (double) p.get("useful_gflops"), 100 * (double) p.get("ratio_to_matmul_peak"));
        }
        // javacpp's own counter misses most of ND4J's native buffers, so the process's physical size is the figure to read
        System.out.printf(Locale.ROOT, "peak process physical memory %.1f MiB, JVM heap in use at the end %.1f MiB%n",
                r.peakPhysicalBytes() / 1048576.0, r.heapUsedBytes() / 1048576.0);
        AtomicFiles.writeString(out.resolve("benchmark.json"), Json.write(r));
        return 0;
    }
}
