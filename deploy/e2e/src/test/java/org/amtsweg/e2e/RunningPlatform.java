package org.amtsweg.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the platform once for all end-to-end test classes of a run and stops it when the run ends:
 * starting four services costs half a minute on two cores.
 */
public class RunningPlatform implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, key -> {
                    Platform.start();
                    return (ExtensionContext.Store.CloseableResource) Platform::stop;
                });
    }
}
