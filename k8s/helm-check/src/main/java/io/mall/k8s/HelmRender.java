package io.mall.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/**
 * Lints a chart strictly (lint fails on warnings too) and renders it as {@code helm template}
 * would, once per values file given, each into its own output file.
 *
 * <p>Usage: {@code HelmRender <chart> <release> <namespace> <output> [<values-file> <output>]...};
 * the first output is the chart's defaults.
 */
public final class HelmRender {

    private HelmRender() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length % 2 != 0) {
            System.err.println("usage: HelmRender <chart> <release> <namespace> <output> [<values-file> <output>]...");
            System.exit(2);
        }
        Path chart = Path.of(args[0]);
        String release = args[1];
        String namespace = args[2];
        Helm helm = new Helm(chart);

        LintResult lint = helm.lint().strict().call();
        lint.getMessages().forEach(message -> System.out.println("helm lint: " + message));
        if (lint.isFailed()) {
            System.err.println("helm lint: " + chart + " fails");
            System.exit(1);
        }
        Files.writeString(Path.of(args[3]), helm.template().withName(release).withNamespace(namespace).call());
        for (int i = 4; i < args.length; i += 2) {
            Path values = Path.of(args[i]);
            Files.writeString(Path.of(args[i + 1]),
                    helm.template().withName(release).withNamespace(namespace).withValuesFile(values).call());
        }
    }
}
