package org.mppfw.tftp.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link TftpConfig} instances for tests: the annotation's defaults, overridden by a map. */
final class Configs {

    private Configs() {
    }

    static TftpConfig of(Map<String, Object> overrides) {
        return (TftpConfig) Proxy.newProxyInstance(TftpConfig.class.getClassLoader(), new Class<?>[] {TftpConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return TftpConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "TftpConfig" + overrides;
                        };
                    }
                    Object v = overrides.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    static TftpConfig defaults() {
        return of(Map.of());
    }
}
