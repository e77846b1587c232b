package org.spinworkbench.runs.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.spinworkbench.AppInfo;

/**
 * The launch files of a job folder: the accelerate config for DeepSpeed ZeRO-3 (the reference's
 * {@code configs/deepspeed_zero3.yaml}, with the GPU count set), {@code launch.sh},
 * {@code sbatch.sh} and the README that says what to install and what the recipe could not
 * carry.
 */
final class JobFiles {
    static final String REFERENCE_REPOSITORY = "https://github.com/uclaml/SPIN";
    /** The reference version the recipe's keys and the data layout are checked against. */
    static final String REFERENCE_COMMIT = "a12ba808a51c23bb98c7cc892d261e9c2f71ff8e";
    static final String RECIPE = "recipe.yaml";
    static final String ACCELERATE = "accelerate/deepspeed_zero3.yaml";
    static final String LAUNCH = "launch.sh";
    static final String SBATCH = "sbatch.sh";
    static final String README = "README.md";

    private JobFiles() {
    }

    /** What a job is about, for the scripts' comments and the README. */
    record About(long run, String project, int iteration, int gpus, Pairs pairs) {
    }

    /** How many pairs the job trains on, is measured on, and carries from the previous iteration (0: none). */
    record Pairs(int train, int test, int previous) {
    }

    static void write(Path folder, ReferenceRecipe recipe, About about) throws IOException {
        text(folder.resolve(RECIPE), "# SPIN reference recipe for iteration " + about.iteration() + " of run "
                + about.run() + " (" + about.project() + "), written by " + AppInfo.NAME + ".\n"
                + "# Relative paths are relative to this folder: launch.sh runs from here.\n\n" + recipe.yaml());
        text(folder.resolve(ACCELERATE), accelerate(about.gpus()));
        script(folder.resolve(LAUNCH), launch(about));
        script(folder.resolve(SBATCH), sbatch(about));
        text(folder.resolve(README), readme(recipe, about));
    }

    static String accelerate(int gpus) {
        return """
                compute_environment: LOCAL_MACHINE
                debug: false
                deepspeed_config:
                  deepspeed_multinode_launcher: standard
                  offload_optimizer_device: none
                  offload_param_device: none
                  zero3_init_flag: true
                  zero3_save_16bit_model: true
                  zero_stage: 3
                distributed_type: DEEPSPEED
                downcast_bf16: 'no'
                machine_rank: 0
                main_training_function: main
                mixed_precision: bf16
                num_machines: 1
                num_processes: %d
                rdzv_backend: static
                same_network: true
                tpu_env: []
                tpu_use_cluster: false
                tpu_use_sudo: false
                use_cpu: false
                """.formatted(gpus);
    }

    private static String launch(About about) {
        return """
                #!/usr/bin/env bash
                # Trains iteration %d of run %d with the SPIN reference on this machine's GPUs.
                #   SPIN_DIR  your clone of %s at %s (required)
                #   GPUS      how many GPUs to use (default: %d, what the job's batch per GPU is written for)
                set -euo pipefail
                cd "$(dirname "$0")"
                : "${SPIN_DIR:?set SPIN_DIR to your clone of the SPIN reference (see README.md)}"
                GPUS="${GPUS:-%d}"
                ACCELERATE_LOG_LEVEL=info accelerate launch \\
                    --config_file %s \\
                    --num_processes="$GPUS" \\
                    "$SPIN_DIR/spin/run_spin.py" %s
                """.formatted(about.iteration(), about.run(), REFERENCE_REPOSITORY, REFERENCE_COMMIT.substring(0, 7),
                about.gpus(), about.gpus(), ACCELERATE, RECIPE);
    }

    private static String sbatch(About about) {
        return """
                #!/usr/bin/env bash
                # Slurm: one node with %d GPUs trains iteration %d of run %d. Submit from this folder:
                #   cd <this folder> && SPIN_DIR=/path/to/SPIN sbatch sbatch.sh
                #SBATCH --job-name=spin-run%d-iter%d
                #SBATCH --nodes=1
                #SBATCH --ntasks-per-node=1
                #SBATCH --gpus-per-node=%d
                #SBATCH --exclusive
                #SBATCH --output=slurm-%%j.out
                set -euo pipefail
                cd "${SLURM_SUBMIT_DIR:?submit this script with sbatch}"
                GPUS="${SLURM_GPUS_ON_NODE:-%d}" bash %s
                """.formatted(about.gpus(), about.iteration(), about.run(), about.run(), about.iteration(), about.gpus(),
                about.gpus(), LAUNCH);
    }

    private static String readme(ReferenceRecipe recipe, About about) {
        StringBuilder out = new StringBuilder();
        out.append("# SPIN iteration ").append(about.iteration()).append(" of run ").append(about.run()).append(" (")
                .append(about.project()).append(")\n\n")
                .append("This folder trains one self-play iteration on the SPIN reference implementation (")
                .append(REFERENCE_REPOSITORY).append(", commit `").append(REFERENCE_COMMIT).append("`): accelerate +")
                .append(" DeepSpeed ZeRO-3 on one node with ").append(about.gpus()).append(" GPUs. The results come")
                .append(" back to ").append(AppInfo.NAME).append(" with\n\n")
                .append("    spin-workbench import --job <this folder>\n\n")
                .append("## Install (once, on the cluster)\n\n")
                .append("```bash\nconda create -n spin python=3.10 && conda activate spin\n")
                .append("git clone ").append(REFERENCE_REPOSITORY).append(" && cd SPIN && git checkout ")
                .append(REFERENCE_COMMIT.substring(0, 7)).append("\n")
                .append("python -m pip install .\n")
                .append("python -m pip install flash-attn --no-build-isolation\n")
                .append("```\n\n")
                .append("As the reference's own set-up says. Its `setup.py` pins torch 2.1.0, transformers 4.37.0,")
                .append(" accelerate 0.23.0, deepspeed 0.12.2, datasets 2.14.6 and trl 0.7.4; the recipe uses only")
                .append(" keys those versions read. Nothing is downloaded: the model and the data are in this")
                .append(" folder.\n\n")
                .append("## Run\n\n")
                .append("```bash\nSPIN_DIR=/path/to/SPIN bash launch.sh\n")
                .append("SPIN_DIR=/path/to/SPIN sbatch sbatch.sh              # under Slurm, from this folder\n```\n\n")
                .append("The job is written for ").append(about.gpus()).append(" GPUs: the batch per GPU is the run's")
                .append(" batch divided among them. For another count, write the job again with `--gpus N` rather")
                .append(" than launching it on fewer, which would shrink every optimiser step's batch.\n\n")
                .append("The trainer writes into `output/` here (and `output/checkpoint-*/` when it saves during")
                .append(" training). Copy the folder back whole, `output/` included, and import it.\n\n")
                .append("## What is here\n\n")
                .append("| Path | What |\n|---|---|\n")
                .append("| `data/train_prefs-00000-of-00001.parquet` | ").append(about.pairs().train())
                .append(" training pairs (`real`, `generated`) |\n")
                .append("| `data/test_prefs-00000-of-00001.parquet` | ").append(about.pairs().test())
                .append(" held-out pairs |\n");
        if (about.pairs().previous() > 0) {
            out.append("| `data-previous/` | iteration ").append(about.iteration() - 1).append("'s ")
                    .append(about.pairs().previous()).append(" training pairs, trained on again (the run mixes them in) |\n");
        }
        out.append("| `start-model/` | the model the iteration starts from and is measured against |\n")
                .append("| `").append(RECIPE).append("` | the run's settings under the reference's names |\n")
                .append("| `").append(ACCELERATE).append("` | DeepSpeed ZeRO-3, ").append(about.gpus())
                .append(" processes, BF16 |\n")
                .append("| `").append(LAUNCH).append("`, `").append(SBATCH).append("` | the launchers |\n")
                .append("| `").append(JobManifest.FILE).append("` | the SHA-256 of every file above; the import")
                .append(" refuses a folder that no longer matches it |\n\n")
                .append("## The recipe\n\n| Key | Value |\n|---|---|\n");
        for (Map.Entry<String, Object> entry : recipe.values().entrySet()) {
            out.append("| `").append(entry.getKey()).append("` | `").append(inline(entry.getValue())).append("` |\n");
        }
        out.append("\n## Settings the recipe does not carry as they are\n\n");
        recipe.unmapped().forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n## Known limits of the reference\n\n")
                .append("- `run_spin.py` reads the first user message of each pair as the prompt and renders the")
                .append(" answers with the tokenizer's chat template, stripping Zephyr's `<|assistant|>\\n` header;")
                .append(" with another template the rendered answer keeps that template's header.\n")
                .append("- Templates that insist on alternating user and assistant turns fail on the answer rendered")
                .append(" alone.\n");
        return out.toString();
    }

    private static String inline(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder();
            map.forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append(k).append(": ")
                    .append(ReferenceRecipe.scalar(v)));
            return "{" + text + "}";
        }
        if (value instanceof List<?> list) {
            return list.toString();
        }
        return ReferenceRecipe.scalar(value).replace("\"", "");
    }

    private static void text(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void script(Path file, String text) throws IOException {
        text(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the README runs the scripts with bash, which needs no executable bit
        }
    }
}
